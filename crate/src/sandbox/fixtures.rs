//! The default demo fixtures (spec §10.3).
//!
//! Every secret and token in them is a **demo value**, known to everyone: anything that
//! shows them must label them as such.

/// The default demo fixtures document (spec §10.3; the same document is the `fixtures`
/// member of `spec/sandbox_cases.json`). Every secret and token in it is a public demo
/// value.
pub const DEMO_FIXTURES_JSON: &str = r#"{
  "daoke": {
    "apps": [
      {"appKey": "1111111111", "secret": "DEMO-SECRET-not-for-production"},
      {"appKey": "3333333333", "secret": "DEMO-SECRET-internal-app", "level": -1},
      {"appKey": "5555555555", "secret": "DEMO-SECRET-cache-fault", "fault": "cacheError"}
    ],
    "accounts": ["2222222222", "aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd", "eeeeeeeeee", "ffffffffff", "gggggggggg", "hhhhhhhhhh", "O40cml0y5p", "WFlYtlfPlg", "kxl1QuHKCD", "DupAccount", "DupAccount"],
    "accessTokens": [
      {"appKey": "1111111111", "accountID": "aaaaaaaaaa", "token": "cc7df2350a7755214dc93df48e15d682", "expiresAt": 4102444800},
      {"appKey": "1111111111", "accountID": "kxl1QuHKCD", "token": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "expiresAt": 4102444800},
      {"appKey": "1111111111", "accountID": "bbbbbbbbbb", "token": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "expiresAt": 1451577600},
      {"appKey": "1111111111", "accountID": "cccccccccc", "token": "cccccccccccccccccccccccccccccccc", "expiresAt": 4102444800, "weiboInfo": false},
      {"appKey": "1111111111", "accountID": "DupAccount", "token": "dddddddddddddddddddddddddddddddd", "expiresAt": 4102444800}
    ],
    "cityCodes": ["110000", "111111", "310000", "440100"],
    "cityNames": {"110000": "北京市", "111111": "演示市", "310000": "上海市", "440100": "广州市"},
    "catalogIDs": ["111111", "100101", "200202", "300303"],
    "catalogInfo": {"111111": {"name": "演示类别", "type": 0}, "100101": {"name": "交通路况", "type": 0}, "200202": {"name": "音乐", "type": 1}, "300303": {"name": "内部类别", "type": 2}},
    "nicknames": {"aaaaaaaaaa": "演示用户A", "kxl1QuHKCD": "申请人K", "WFlYtlfPlg": "车队长W"},
    "groups": [
      {"groupID": "pnlmBtmoFR3IFt7y", "accountID": "WFlYtlfPlg", "groupName": "语镜车队", "isCarFleet": 1, "isTempGroup": 0, "validity": 1, "createTime": 1451577600},
      {"groupID": "pDisabled0000001", "accountID": "dddddddddd", "groupName": "停用集团", "isCarFleet": 0, "isTempGroup": 0, "validity": 0, "createTime": 1451577600}
    ],
    "memberships": [
      {"accountID": "WFlYtlfPlg", "groupID": "pnlmBtmoFR3IFt7y", "groupType": 2, "roleType": 1, "isDefaultGroup": 1, "createTime": 1451577600},
      {"accountID": "eeeeeeeeee", "groupID": "pnlmBtmoFR3IFt7y", "groupType": 2, "roleType": 0, "isDefaultGroup": 1, "createTime": 1451577600},
      {"accountID": "dddddddddd", "groupID": "pDisabled0000001", "groupType": 1, "roleType": 1, "isDefaultGroup": 1, "createTime": 1451577600}
    ],
    "joinApplications": [
      {"appKey": "1111111111", "accountID": "WFlYtlfPlg", "groupID": "pnlmBtmoFR3IFt7y", "isCarMember": 1, "memberStatus": 1, "createTime": 1451577600},
      {"appKey": "1111111111", "accountID": "kxl1QuHKCD", "groupID": "pnlmBtmoFR3IFt7y", "isCarMember": 1, "memberStatus": 6, "createTime": 1451577600},
      {"appKey": "1111111111", "accountID": "bbbbbbbbbb", "groupID": "pnlmBtmoFR3IFt7y", "memberStatus": 6, "createTime": 1451577600},
      {"appKey": "1111111111", "accountID": "cccccccccc", "groupID": "pnlmBtmoFR3IFt7y", "memberStatus": 6, "createTime": 1451577600},
      {"appKey": "1111111111", "accountID": "aaaaaaaaaa", "groupID": "pDisabled0000001", "memberStatus": 6, "createTime": 1451577600}
    ],
    "defaultGroups": {"WFlYtlfPlg": "pnlmBtmoFR3IFt7y", "eeeeeeeeee": "pnlmBtmoFR3IFt7y", "dddddddddd": "pDisabled0000001", "bbbbbbbbbb": "mirrtalkAll"},
    "carFleetSets": {"WFlYtlfPlg": ["pnlmBtmoFR3IFt7y"], "eeeeeeeeee": ["pnlmBtmoFR3IFt7y"]},
    "approvedChannelNumbers": ["FM00090080"],
    "tempChannels": [
      {"tempChannelID": "12349", "soundMode": 0, "onlineAccounts": ["ffffffffff"]},
      {"tempChannelID": "0123520", "soundMode": 0, "onlineAccounts": ["aaaaaaaaaa", "ffffffffff", "hhhhhhhhhh"]},
      {"tempChannelID": "77777", "soundMode": 0, "onlineAccounts": ["aaaaaaaaaa", "ffffffffff", "gggggggggg"]},
      {"tempChannelID": "88888", "soundMode": 0, "onlineAccounts": ["aaaaaaaaaa", "ffffffffff", "gggggggggg", "hhhhhhhhhh"]},
      {"tempChannelID": "54321", "soundMode": 1},
      {"tempChannelID": "99999", "soundMode": 0, "onlineReadFails": true},
      {"tempChannelID": "1234567890", "soundMode": 0}
    ],
    "onlineAccounts": ["2222222222", "aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "ffffffffff", "gggggggggg", "hhhhhhhhhh"],
    "nearbyVoiceUnsubscribed": ["2222222222", "bbbbbbbbbb"],
    "accountsInTempChannel": ["cccccccccc"],
    "sendFailures": {"gggggggggg": "send weibo failed", "hhhhhhhhhh": null}
  },
  "ytx": {
    "environment": "sandbox",
    "accounts": [
      {"accountSID": "abcdefghijklmnopqrstuvwxyz012345", "authToken": "0123456789abcdef0123456789abcdef", "appids": ["ff8080813fc70a7b013fc72312324213", "ff8080815f0000000000000000000001", "ff8080815f0000000000000000000002"]},
      {"accountSID": "0123456789abcdefghijklmnopqrstuv", "authToken": "fedcba9876543210fedcba9876543210", "appids": ["ff8080815f0000000000000000000003"]}
    ],
    "appInfo": {"ff8080815f0000000000000000000001": {"environment": "production"}, "ff8080815f0000000000000000000002": {"online": false}}
  },
  "sandbox": {
    "seed": 0
  }
}"#;
