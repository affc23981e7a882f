namespace NewsDesk.Tagging.Tagging;

/// <summary>Roles a word plays for the people and organisation patterns, looked up once per word through its vocabulary id.</summary>
[Flags]
internal enum WordRole : byte
{
    None = 0,
    Title = 1,
    OrganisationHead = 2,
    NotName = 4,
    Office = 8,
    Particle = 16,
    PronounGovernor = 32,
    Feature = 64,
}

/// <summary>Word lists of the patterns that are grammar rather than taxonomy (the taxonomy's own lists are in security.json).</summary>
internal static class WordLists
{
    /// <summary>Before these, an all-caps "US" is the pronoun: "TOLD US", "FOR US".</summary>
    public static readonly string[] PronounGovernors =
    [
        "told", "tell", "tells", "give", "gave", "gives", "for", "to", "with", "let", "of", "from", "join", "help", "helps", "show", "among",
        "about", "by", "against", "before", "after", "like", "than", "upon", "into", "toward", "towards", "all", "both", "hit", "hits", "attack",
        "attacked", "warn", "warned", "asked", "ask", "make", "made", "allow", "allowed", "send", "sent", "call", "called", "most", "some", "many",
    ];

    /// <summary>Capitalised words that start sentences or name dates and offices, never a person.</summary>
    public static readonly string[] NotNames =
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Its", "This", "That", "These", "Those", "On", "In", "At",
        "As", "And", "But", "Or", "If", "When", "While", "After", "Before", "Since", "For", "From", "With", "By", "To", "Of", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Assembly", "Staff", "Office", "Affairs", "Defence", "Defense", "Foreign", "State", "Interior", "Home", "Justice", "National", "Security",
        "Finance", "Trade", "Commerce", "Energy", "Minister", "Ministry", "General", "President", "Secretary", "Prime", "Deputy", "Vice", "Senior",
        "Chief", "Executive", "Who", "Said", "Says", "Told", "Was", "Is", "Has", "Had", "Will", "Would", "Also", "Reuters", "AP", "AFP", "PTI",
        "Xinhua", "Kyodo", "Yonhap", "TASS", "Tass",
    ];

    /// <summary>Words of an office between a title and a name: "Minister of State for Foreign Affairs X".</summary>
    public static readonly string[] Office =
    [
        "of", "for", "the", "and", "Defence", "Defense", "State", "Foreign", "Affairs", "Interior", "Home", "Justice", "National", "Security",
        "Finance", "Economy", "Navy", "Army", "Staff", "Homeland", "Trade", "Commerce", "Industry", "Energy", "War", "Veterans", "Public", "Armed",
        "Forces", "Air", "Force", "Joint", "Chiefs", "Intelligence", "Cyber", "Digital", "Space", "Prime", "Deputy", "Vice", "Senior", "General",
        "Chief", "Information", "Communications", "Policy", "Maritime", "Coast", "Guard", "Operations", "Cabinet", "Party", "Central", "Military",
        "Commission", "Council", "Ministry", "Minister", "Secretary", "President", "Director", "Lieutenant", "Major", "Rear", "Admiral", "Marine",
        "Corps", "Ground", "Emergency", "Situations", "Strategic",
    ];

    /// <summary>Landscape words that make a city's name part of another place's: "Fergana Valley", "Tasman Sea".</summary>
    public static readonly string[] Features =
    [
        "Valley", "River", "Mountains", "Mountain", "Basin", "Lake", "Delta", "Plateau", "Desert", "Gulf", "Bay", "Strait", "Straits", "Sea", "Island",
        "Islands", "Peninsula", "Canal", "Pass", "Gorge", "Corridor", "Range", "Highlands", "Hills", "Coast",
    ];

    /// <summary>Lower-case words inside names: "Abdel Fattah al-Sisi", "Ursula von der Leyen".</summary>
    public static readonly string[] Particles = ["al", "bin", "ibn", "van", "von", "de", "der", "da", "di", "del", "la", "le", "el", "du", "dos", "das", "ben", "abu", "bint"];
}
