using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Bench.Reading;

/// <summary>
/// The places, topics and names the synthetic stories are written from: a slice of the UN M49 tree weighted towards
/// the Indo-Pacific (where a regional security desk's stories are), theatres and disputed territories with the
/// countries they involve, security topics, and people, organisations and equipment.
/// </summary>
internal static class Gazetteer
{
    public sealed record Place(string Name, string Slug, RegionKind Kind, string Parent, string? Iso = null, string? Numeric = null, string[]? Involves = null, int Weight = 1);

    public static readonly Place[] Places =
    [
        new("World", "world", RegionKind.World, "", Numeric: "001"),
        new("Asia", "asia", RegionKind.Continent, "world", Numeric: "142"),
        new("Europe", "europe", RegionKind.Continent, "world", Numeric: "150"),
        new("Americas", "americas", RegionKind.Continent, "world", Numeric: "019"),
        new("Oceania", "oceania", RegionKind.Continent, "world", Numeric: "009"),
        new("Africa", "africa", RegionKind.Continent, "world", Numeric: "002"),
        new("Eastern Asia", "eastern-asia", RegionKind.Subregion, "asia", Numeric: "030"),
        new("South-eastern Asia", "south-eastern-asia", RegionKind.Subregion, "asia", Numeric: "035"),
        new("Southern Asia", "southern-asia", RegionKind.Subregion, "asia", Numeric: "034"),
        new("Western Asia", "western-asia", RegionKind.Subregion, "asia", Numeric: "145"),
        new("Eastern Europe", "eastern-europe", RegionKind.Subregion, "europe", Numeric: "151"),
        new("Northern Europe", "northern-europe", RegionKind.Subregion, "europe", Numeric: "154"),
        new("Western Europe", "western-europe", RegionKind.Subregion, "europe", Numeric: "155"),
        new("Northern America", "northern-america", RegionKind.Subregion, "americas", Numeric: "021"),
        new("Australia and New Zealand", "australia-and-new-zealand", RegionKind.Subregion, "oceania", Numeric: "053"),
        new("Melanesia", "melanesia", RegionKind.Subregion, "oceania", Numeric: "054"),
        new("Northern Africa", "northern-africa", RegionKind.Subregion, "africa", Numeric: "015"),
        new("Japan", "japan", RegionKind.Country, "eastern-asia", "JP", "392", Weight: 9),
        new("China", "china", RegionKind.Country, "eastern-asia", "CN", "156", Weight: 12),
        new("Taiwan", "taiwan", RegionKind.Country, "eastern-asia", "TW", "158", Weight: 7),
        new("South Korea", "south-korea", RegionKind.Country, "eastern-asia", "KR", "410", Weight: 5),
        new("North Korea", "north-korea", RegionKind.Country, "eastern-asia", "KP", "408", Weight: 6),
        new("Mongolia", "mongolia", RegionKind.Country, "eastern-asia", "MN", "496"),
        new("Philippines", "philippines", RegionKind.Country, "south-eastern-asia", "PH", "608", Weight: 6),
        new("Vietnam", "vietnam", RegionKind.Country, "south-eastern-asia", "VN", "704", Weight: 4),
        new("Indonesia", "indonesia", RegionKind.Country, "south-eastern-asia", "ID", "360", Weight: 3),
        new("Malaysia", "malaysia", RegionKind.Country, "south-eastern-asia", "MY", "458", Weight: 2),
        new("Singapore", "singapore", RegionKind.Country, "south-eastern-asia", "SG", "702", Weight: 2),
        new("Thailand", "thailand", RegionKind.Country, "south-eastern-asia", "TH", "764", Weight: 2),
        new("Myanmar", "myanmar", RegionKind.Country, "south-eastern-asia", "MM", "104", Weight: 2),
        new("Brunei", "brunei", RegionKind.Country, "south-eastern-asia", "BN", "096"),
        new("India", "india", RegionKind.Country, "southern-asia", "IN", "356", Weight: 5),
        new("Pakistan", "pakistan", RegionKind.Country, "southern-asia", "PK", "586", Weight: 2),
        new("Sri Lanka", "sri-lanka", RegionKind.Country, "southern-asia", "LK", "144"),
        new("Iran", "iran", RegionKind.Country, "southern-asia", "IR", "364", Weight: 2),
        new("Israel", "israel", RegionKind.Country, "western-asia", "IL", "376", Weight: 2),
        new("Turkey", "turkey", RegionKind.Country, "western-asia", "TR", "792", Weight: 2),
        new("Russia", "russia", RegionKind.Country, "eastern-europe", "RU", "643", Weight: 8),
        new("Ukraine", "ukraine", RegionKind.Country, "eastern-europe", "UA", "804", Weight: 5),
        new("Poland", "poland", RegionKind.Country, "eastern-europe", "PL", "616", Weight: 2),
        new("United Kingdom", "united-kingdom", RegionKind.Country, "northern-europe", "GB", "826", Weight: 3),
        new("Sweden", "sweden", RegionKind.Country, "northern-europe", "SE", "752"),
        new("Finland", "finland", RegionKind.Country, "northern-europe", "FI", "246"),
        new("Estonia", "estonia", RegionKind.Country, "northern-europe", "EE", "233"),
        new("France", "france", RegionKind.Country, "western-europe", "FR", "250", Weight: 2),
        new("Germany", "germany", RegionKind.Country, "western-europe", "DE", "276", Weight: 2),
        new("United States", "united-states", RegionKind.Country, "northern-america", "US", "840", Weight: 10),
        new("Canada", "canada", RegionKind.Country, "northern-america", "CA", "124"),
        new("Australia", "australia", RegionKind.Country, "australia-and-new-zealand", "AU", "036", Weight: 5),
        new("New Zealand", "new-zealand", RegionKind.Country, "australia-and-new-zealand", "NZ", "554"),
        new("Papua New Guinea", "papua-new-guinea", RegionKind.Country, "melanesia", "PG", "598"),
        new("Solomon Islands", "solomon-islands", RegionKind.Country, "melanesia", "SB", "090"),
        new("Egypt", "egypt", RegionKind.Country, "northern-africa", "EG", "818"),
        new("Okinawa", "okinawa", RegionKind.Subdivision, "japan", "JP-47", Weight: 3),
        new("Hokkaido", "hokkaido", RegionKind.Subdivision, "japan", "JP-01"),
        new("Tokyo", "tokyo", RegionKind.Subdivision, "japan", "JP-13", Weight: 2),
        new("Fujian", "fujian", RegionKind.Subdivision, "china", "CN-FJ", Weight: 2),
        new("Hainan", "hainan", RegionKind.Subdivision, "china", "CN-HI", Weight: 2),
        new("Crimea", "crimea", RegionKind.Subdivision, "ukraine", "UA-43", Weight: 2),
        new("Guam", "guam", RegionKind.Subdivision, "united-states", "US-GU", Weight: 2),
        new("South China Sea", "south-china-sea", RegionKind.Theatre, "south-eastern-asia", Involves: ["china", "philippines", "vietnam", "malaysia", "brunei", "taiwan", "indonesia"], Weight: 10),
        new("East China Sea", "east-china-sea", RegionKind.Theatre, "eastern-asia", Involves: ["china", "japan", "taiwan", "south-korea"], Weight: 6),
        new("Taiwan Strait", "taiwan-strait", RegionKind.Theatre, "eastern-asia", Involves: ["china", "taiwan"], Weight: 8),
        new("Korean Peninsula", "korean-peninsula", RegionKind.Theatre, "eastern-asia", Involves: ["north-korea", "south-korea"], Weight: 5),
        new("Sea of Japan", "sea-of-japan", RegionKind.Theatre, "eastern-asia", Involves: ["japan", "russia", "south-korea", "north-korea"], Weight: 3),
        new("Black Sea", "black-sea", RegionKind.Theatre, "eastern-europe", Involves: ["russia", "ukraine", "turkey"], Weight: 5),
        new("Baltic Sea", "baltic-sea", RegionKind.Theatre, "northern-europe", Involves: ["russia", "sweden", "finland", "estonia", "poland", "germany"], Weight: 3),
        new("Indian Ocean", "indian-ocean", RegionKind.Theatre, "southern-asia", Involves: ["india", "sri-lanka", "australia", "pakistan"], Weight: 2),
        new("Senkaku Islands", "senkaku-islands", RegionKind.DisputedTerritory, "eastern-asia", Involves: ["japan", "china", "taiwan"], Weight: 4),
        new("Spratly Islands", "spratly-islands", RegionKind.DisputedTerritory, "south-eastern-asia", Involves: ["china", "philippines", "vietnam", "malaysia", "brunei", "taiwan"], Weight: 4),
        new("Paracel Islands", "paracel-islands", RegionKind.DisputedTerritory, "south-eastern-asia", Involves: ["china", "vietnam", "taiwan"], Weight: 2),
        new("Kuril Islands", "kuril-islands", RegionKind.DisputedTerritory, "eastern-asia", Involves: ["japan", "russia"], Weight: 2),
        new("Scarborough Shoal", "scarborough-shoal", RegionKind.DisputedTerritory, "south-eastern-asia", Involves: ["china", "philippines", "taiwan"], Weight: 3),
    ];

    public static readonly (string Name, string Slug, string[] Words)[] Topics =
    [
        ("Maritime security", "maritime-security", ["coast guard", "vessels", "patrol", "territorial waters", "water cannon", "fishing fleet"]),
        ("Air incursions", "air-incursions", ["bombers", "fighter jets", "air defence identification zone", "scrambled", "sorties", "airspace"]),
        ("Cyber security", "cyber-security", ["cyber attack", "ransomware", "hackers", "espionage campaign", "critical infrastructure", "malware"]),
        ("Defence cooperation", "defence-cooperation", ["defence pact", "joint exercise", "security agreement", "interoperability", "alliance", "reciprocal access"]),
        ("Missile tests", "missile-tests", ["ballistic missile", "launch", "hypersonic", "splashed down", "exclusive economic zone", "missile defence"]),
        ("Naval deployments", "naval-deployments", ["carrier group", "destroyer", "submarine", "task force", "freedom of navigation", "frigate"]),
        ("Arms sales", "arms-sales", ["arms package", "procurement", "delivery", "fighter purchase", "drones", "air defence systems"]),
        ("Grey-zone tactics", "grey-zone-tactics", ["maritime militia", "blockade", "harassment", "survey ship", "lasers", "reclamation"]),
        ("Nuclear", "nuclear", ["warheads", "enrichment", "deterrence", "nuclear test", "inspectors", "stockpile"]),
        ("Diplomacy", "diplomacy", ["summit", "talks", "protest", "ambassador", "statement", "hotline"]),
        ("Defence budgets", "defence-budgets", ["budget", "spending", "procurement plan", "white paper", "counterstrike capability", "modernisation"]),
        ("Space and counterspace", "space", ["satellite", "anti-satellite", "space force", "launch vehicle", "reconnaissance", "debris"]),
    ];

    public static readonly (string Name, string Slug, TagKind Kind)[] Tags =
    [
        ("H-6 bomber", "h-6-bomber", TagKind.Equipment), ("Tu-95", "tu-95", TagKind.Equipment), ("F-35", "f-35", TagKind.Equipment),
        ("J-20", "j-20", TagKind.Equipment), ("Type 055 destroyer", "type-055-destroyer", TagKind.Equipment), ("Aegis", "aegis", TagKind.Equipment),
        ("Shandong carrier", "shandong-carrier", TagKind.Equipment), ("Hwasong-18", "hwasong-18", TagKind.Equipment), ("HIMARS", "himars", TagKind.Equipment),
        ("Bayraktar TB2", "bayraktar-tb2", TagKind.Equipment), ("AUKUS", "aukus", TagKind.Organisation), ("NATO", "nato", TagKind.Organisation),
        ("ASEAN", "asean", TagKind.Organisation), ("Quad", "quad", TagKind.Organisation), ("PLA Navy", "pla-navy", TagKind.Organisation),
        ("China Coast Guard", "china-coast-guard", TagKind.Organisation), ("Japan Coast Guard", "japan-coast-guard", TagKind.Organisation),
        ("Volt Typhoon", "volt-typhoon", TagKind.Organisation), ("Lazarus Group", "lazarus-group", TagKind.Organisation), ("IAEA", "iaea", TagKind.Organisation),
        ("Indo-Pacific Command", "indo-pacific-command", TagKind.Organisation), ("Kim Jong Un", "kim-jong-un", TagKind.Person), ("Xi Jinping", "xi-jinping", TagKind.Person),
        ("Ferdinand Marcos Jr", "ferdinand-marcos-jr", TagKind.Person), ("Lloyd Austin", "lloyd-austin", TagKind.Person), ("Lai Ching-te", "lai-ching-te", TagKind.Person),
    ];

    public static readonly string[] Reporters =
    [
        "Aiko Tanaka", "Ben Ortiz", "Carla Reyes", "Dinh Van Long", "Elena Petrova", "Farhan Malik", "Grace Lim", "Hiroshi Sato", "Isabel Cruz",
        "James Whitfield", "Kim Min-jun", "Lena Fischer", "Marta Kowalska", "Nguyen Thi Mai", "Oliver Grant", "Priya Raman", "Rahul Mehta", "Sofia Lindqvist",
        "Tomasz Nowak", "Wang Lei", "Yuki Nakamura", "Zaini Majeed",
    ];

    public static readonly string[] Sources = ["Pacific Wire", "Harbour Post", "Strait Times Digest", "Northern Ledger", "Reuters-like Feed", "Defence Monitor"];

    public static readonly string[] Verbs =
    [
        "warns of", "protests", "tracks", "condemns", "reports", "confirms", "steps up", "responds to", "investigates", "deploys forces over",
        "signs deal on", "expands", "monitors", "accuses rival of", "rules out", "prepares for",
    ];

    public static readonly string[] Openers =
    [
        "Officials said on {day} that", "According to the defence ministry,", "In a statement released late on {day},", "Analysts noted that",
        "Satellite imagery reviewed by researchers showed that", "A spokesperson told reporters that", "Military sources said",
        "The foreign ministry said", "Regional diplomats warned that", "Local media reported that",
    ];

    public static readonly string[] Clauses =
    [
        "the {topicword} near {place} marked the {nth} such incident this year",
        "{country} would not accept any change to the status quo by force",
        "the {topicword} was closely watched by {country2} and its partners",
        "{country} had raised the matter with {country2} through diplomatic channels",
        "the {topicword} followed weeks of rising tension around {place}",
        "officials in {country2} described the {topicword} as provocative",
        "the move came as {country} prepared for talks on {topicword}",
        "observers expected further {topicword} in the coming months",
        "{country} called for restraint and dialogue over {place}",
        "the episode underlined the risk of miscalculation around {place}",
    ];

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Ordinals = ["second", "third", "fourth", "fifth", "sixth", "seventh", "tenth", "twelfth", "20th", "37th"];
}
