window.YTD.tweets.part0 = [ {
  "tweet" : {
    "id_str" : "1001",
    "created_at" : "Wed Oct 10 20:19:24 +0000 2018",
    "full_text" : "RTC on the M60 &amp; delays https://t.co/abc123",
    "entities" : {
      "urls" : [ {
        "url" : "https://t.co/abc123",
        "expanded_url" : "https://example.org/roads",
        "display_url" : "example.org/roads",
        "indices" : [ "28", "51" ]
      } ]
    }
  }
}, {
  "tweet" : {
    "id_str" : "1002",
    "created_at" : "Thu Nov 01 08:00:00 +0000 2018",
    "full_text" : "Call 101 or 999 in an emergency."
  }
}, {
  "tweet" : {
    "id_str" : "1003",
    "created_at" : "Fri Nov 02 09:30:00 +0000 2018"
  }
}, {
  "tweet" : {
    "id_str" : "1004",
    "created_at" : "Sat Dec 01 12:00:00 +0100 2018",
    "full_text" : "Ring me on 07911 123456, what a f***ing day"
  }
} ]
