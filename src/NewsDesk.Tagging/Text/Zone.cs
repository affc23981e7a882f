namespace NewsDesk.Tagging.Text;

/// <summary>Where a stretch of text sits in the story; the headline and the lead weigh more than the last paragraph.</summary>
public enum ZoneKind
{
    Headline,
    Standfirst,
    Lead,
    Body,

    /// <summary>Markup, metadata lines: not read.</summary>
    Ignore,
}

/// <summary>The characters [<see cref="Start"/>, <see cref="End"/>) of the text belong to <see cref="Kind"/>.</summary>
public readonly record struct Zone(int Start, int End, ZoneKind Kind);
