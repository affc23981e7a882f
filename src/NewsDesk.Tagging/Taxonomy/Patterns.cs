using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Taxonomy;

/// <summary>How a name was met: a country's name counts more than its demonym or one of its cities.</summary>
internal enum Mention : byte
{
    Name,
    Demonym,
    Metonym,
    City,
}

[Flags]
internal enum PlaceFlags : byte
{
    None = 0,

    /// <summary>A common English word ("Split", "Reading"): counts only with its country otherwise named, capitalised mid-sentence.</summary>
    NeedsContext = 1,

    /// <summary>Also a person's name ("Chad", "Jordan"): not when glued to another capitalised word.</summary>
    NameLike = 2,

    /// <summary>A city or subdivision: not when a capitalised word that is no place comes just before ("Mayor Madison").</summary>
    Minor = 4,
}

/// <summary>The words of a pattern as written, so the text's case can be checked against them.</summary>
internal sealed class PatternShape
{
    private readonly bool[] _mixedCase;

    public PatternShape(TokenShape[] shapes, string[] surfaces)
    {
        Shapes = shapes;
        Surfaces = surfaces;
        _mixedCase = [.. surfaces.Select(IsMixedCase)];
    }

    public TokenShape[] Shapes { get; }

    public string[] Surfaces { get; }

    /// <summary>
    /// Does the text word <paramref name="token"/> have the case the pattern word <paramref name="word"/> asks for?
    /// Lower-case pattern words match any case; capitalised ones need a capital; all-caps abbreviations need all caps;
    /// mixed case ("MiG", "LoC") must be exact. In shouted lines and caseless scripts anything goes.
    /// </summary>
    public bool Accepts(int word, in Token token, string text)
    {
        var shape = Shapes[word];
        if ((shape & TokenShape.Caseless) != 0 || token.CaseBlind)
        {
            return true;
        }

        if ((shape & TokenShape.Capitalised) == 0)
        {
            return true;
        }

        var surface = Surfaces[word];
        if ((shape & TokenShape.AllCaps) != 0 && surface.Length > 1)
        {
            return (token.Shape & TokenShape.AllCaps) != 0;
        }

        if (_mixedCase[word])
        {
            return text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(surface);
        }

        return (token.Shape & TokenShape.Capitalised) != 0;
    }

    private static bool IsMixedCase(string surface)
    {
        var upperAfterFirst = false;
        for (var i = 1; i < surface.Length; i++)
        {
            if (char.IsUpper(surface[i]))
            {
                upperAfterFirst = true;
                break;
            }
        }

        return upperAfterFirst && surface.Any(char.IsLower); // at build time only
    }
}

internal readonly record struct PlacePayload(PatternShape Pattern, int Place, Mention Mention, float Weight, float Prior, PlaceFlags Flags);

internal readonly record struct EntityPayload(PatternShape Pattern, int Entity);

internal readonly record struct TopicPayload(PatternShape Pattern, int Topic, float Weight);
