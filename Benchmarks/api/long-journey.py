"""Adds one case with 60 milestones to the seeded LA through the API: a birth, entry to care,
proceedings and an EP recommendation, an EP placement and then weekly family time, so the case
page has a long timeline and every rule to show. Prints the case id."""
import datetime
import http.client
import json
import sys

port, token = int(sys.argv[1]), sys.argv[2]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def post(path, body):
    conn.request("POST", path, json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 201:
        raise SystemExit(f"{path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)


case_id = post("/v1/cases", {
    "reference": "BN-EP-LONG", "local_authority": "la-bench",
    "profile": {"sex": "female", "ethnicity": "MWBA", "sibling_group_size": 1, "disability": False, "unborn": False},
})["id"]
start = datetime.date(2025, 1, 6)
steps = [
    ("birth", 0, None), ("entered_care", 2, None), ("proceedings_issued", 9, None),
    ("ep_consideration", 10, {"outcome": "recommended"}), ("ep_carers_linked", 11, {"route": "dual_approval"}),
    ("ep_placement", 14, {"scheme": "ffa", "placed_from": "hospital"}), ("family_time_plan", 16, None),
]
for kind, day, details in steps:
    body = {"kind": kind, "occurred_on": (start + datetime.timedelta(days=day)).isoformat()}
    if details:
        body["details"] = details
    post(f"/v1/cases/{case_id}/milestones", body)
for week in range(60 - len(steps)):
    day = start + datetime.timedelta(days=17 + week * 5)
    post(f"/v1/cases/{case_id}/milestones", {"kind": "family_time", "occurred_on": day.isoformat(),
                                             "details": {"status": "attended" if week % 7 else "cancelled_by_family"}})
print(case_id)
