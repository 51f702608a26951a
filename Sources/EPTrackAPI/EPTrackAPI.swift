// The types and the server protocol in this module are generated at build time from
// api-docs/openapi.yaml (linked here as openapi.yaml) by swift-openapi-generator: the
// document is the contract, and nothing in this target is written by hand.
@_exported import OpenAPIRuntime
