import SQLKit
import PostgresKit
import SQLiteKit
