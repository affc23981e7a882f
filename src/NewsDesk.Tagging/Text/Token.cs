namespace NewsDesk.Tagging.Text;

[Flags]
internal enum TokenShape : ushort
{
    None = 0,

    /// <summary>Starts with an upper-case letter.</summary>
    Capitalised = 1,

    /// <summary>Every cased letter is upper case ("US", "NATO").</summary>
    AllCaps = 2,

    /// <summary>A script without case (Han, kana, Hangul, Arabic) or a number.</summary>
    Caseless = 4,

    /// <summary>First word of a sentence, a line or a zone: its capital letter says nothing.</summary>
    SentenceStart = 8,

    /// <summary>In a line written in capitals (wire copy): case says nothing either.</summary>
    ShoutedLine = 16,

    /// <summary>Followed by 's ("China's").</summary>
    Possessive = 32,

    /// <summary>Starts with a digit.</summary>
    Numeric = 64,
}

/// <summary>A word of the text: where it is (UTF-16, end exclusive), its vocabulary id (-1 when no pattern uses it), and its weight.</summary>
internal struct Token
{
    public int Start;
    public int End;
    public int Id;
    public TokenShape Shape;
    public ZoneKind Zone;

    /// <summary>Salience: zone weight, and in the body a decay from the first paragraph to the last.</summary>
    public float Weight;

    public readonly bool Has(TokenShape shape) => (Shape & shape) != 0;

    /// <summary>Case carries no information here: shouted lines, caseless scripts.</summary>
    public readonly bool CaseBlind => (Shape & (TokenShape.ShoutedLine | TokenShape.Caseless)) != 0;
}
