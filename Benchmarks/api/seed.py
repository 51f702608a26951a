"""Seeds N open cases in one LA through the API: each a born child in proceedings, with a
PLO meeting and no EP consideration yet, so every one carries overdue alerts."""
import http.client
import json
import sys

port, token, count, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def post(path, body):
    conn.request("POST", path, json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 201:
        raise SystemExit(f"{path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)


ids = []
for n in range(count):
    case = post("/v1/cases", {
        "reference": f"BN-EP-{n:05d}", "local_authority": "la-bench",
        "profile": {"sex": "female" if n % 2 else "male", "ethnicity": "WBRI", "sibling_group_size": 1,
                    "disability": False, "unborn": False},
    })
    case_id = case["id"]
    month = 1 + n % 9
    post(f"/v1/cases/{case_id}/milestones", {"kind": "birth", "occurred_on": f"2025-0{month}-01"})
    post(f"/v1/cases/{case_id}/milestones", {"kind": "plo_pre_proceedings", "occurred_on": f"2025-0{month}-10"})
    post(f"/v1/cases/{case_id}/milestones", {"kind": "proceedings_issued", "occurred_on": f"2025-0{month}-20"})
    ids.append(case_id)
with open(out, "w") as f:
    f.write("\n".join(ids) + "\n")
