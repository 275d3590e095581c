"""Exposure fixtures: a small hand-written inventory and contract register with one problem of each kind."""

from __future__ import annotations

EQUIPMENT_CSV = """vendor,model,site,function,quantity,install_date,replacement_cost,contract,colour
"Huawei Technologies Co., Ltd.",NE40E,Berlin-1,core,2,2019-05-01,250000,C-1,red
HUAWEI,BBU5900,Berlin-1,RAN,10,2020-01-01,40000,C-2,
Huawei,AAU,Munich-2,ran,20,2021-13-01,30000,C-2,
Huawei,OptiX,Munich-2,transport,-3,,10000,C-1,
Nokia,AirScale,Munich-2,ran,5,,-1,,
Nokia,AirScale,Munich-2,ran,5,,12000,N-1,
Huawei,U2020,NOC,oss,1,,,C-3,
"""

CONTRACTS_CSV = (
    "contract_id,vendor,start_date,end_date,notice_days,security_clause,security_notice_days,termination_cost,exit_cost\n"
    """C-1,Huawei Technologies Co. Ltd,2019-01-01,2029-12-31,180,yes,30,1000000,0
C-2,Huawei,2020-01-01,2026-09-30,365,no,,500000,
C-3,HUAWEI,2020-01-01,,90,no,,,
C-4,Nokia,2020-01-01,2030-01-01,90,maybe,,,
N-1,Nokia,2020-01-01,2030-01-01,90,no,,,
C-1,Huawei,2019-01-01,2029-12-31,180,no,,,
"""
)
