namespace NewsDesk.Tagging.Taxonomy;

/// <summary>The kinds of place a story can be filed under; <see cref="PlaceKinds.Name"/> gives the CLI's names.</summary>
public enum PlaceKind
{
    World,
    Continent,
    Subregion,
    IntermediateRegion,
    Country,
    Subdivision,
    Theatre,
    DisputedTerritory,
}

public static class PlaceKinds
{
    /// <summary>"world", "continent", "subregion", "intermediate-region", "country", "subdivision", "theatre", "disputed-territory".</summary>
    public static string Name(this PlaceKind kind) => kind switch
    {
        PlaceKind.World => "world",
        PlaceKind.Continent => "continent",
        PlaceKind.Subregion => "subregion",
        PlaceKind.IntermediateRegion => "intermediate-region",
        PlaceKind.Country => "country",
        PlaceKind.Subdivision => "subdivision",
        PlaceKind.Theatre => "theatre",
        PlaceKind.DisputedTerritory => "disputed-territory",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// A place of the taxonomy. <see cref="Key"/> is its stable identity ("country:JP", "m49:030",
/// "theatre:south-china-sea", "disputed:senkaku-islands", "subdivision:US-CA"; "term:42" for one an admin added).
/// </summary>
public sealed record PlaceDefinition(
    string Key,
    string Slug,
    string Name,
    PlaceKind Kind,
    string? ParentKey,
    string? IsoCode,
    string? NumericCode,
    IReadOnlyList<string> InvolvedCountryKeys,
    IReadOnlyList<string> OtherNames);

/// <summary>A topic of the security taxonomy ("topic:cyber-security"), with its IPTC Media Topic where one fits.</summary>
public sealed record TopicDefinition(string Key, string Slug, string Name, string? IptcCode, string? IptcLabel);

public enum EntityKind
{
    Person,
    Organisation,
    Equipment,

    /// <summary>Anything else an admin tags stories with ("hypersonic glide vehicle", "drone swarm").</summary>
    Other,
}

/// <summary>A person, organisation or piece of equipment the curated layer knows ("org:nato", "equipment:h-6").</summary>
public sealed record EntityDefinition(string Key, string Name, EntityKind Kind, string? CountryKey, IReadOnlyList<string> OtherNames);

/// <summary>
/// What the store adds to the built-in taxonomy: admins' aliases, renames, merges, retirements and new terms.
/// Keys are those of the definitions ("country:JP", or "term:42" for terms that exist only in the store).
/// </summary>
public sealed class TaxonomyOverlay
{
    /// <summary>Extra names to match, by the key of the term they name.</summary>
    public List<(string Key, string Name)> Aliases { get; } = [];

    /// <summary>Display names admins gave built-in terms; the new name is matched too.</summary>
    public Dictionary<string, string> Renames { get; } = new(StringComparer.Ordinal);

    /// <summary>Term merged into another: what would be found as the first is reported as the second.</summary>
    public Dictionary<string, string> Merges { get; } = new(StringComparer.Ordinal);

    /// <summary>Retired terms are not reported.</summary>
    public HashSet<string> Retired { get; } = new(StringComparer.Ordinal);

    public List<PlaceDefinition> Places { get; } = [];

    public List<TopicDefinition> Topics { get; } = [];

    public List<EntityDefinition> Entities { get; } = [];

    public bool IsEmpty => Aliases.Count == 0 && Renames.Count == 0 && Merges.Count == 0 && Retired.Count == 0
        && Places.Count == 0 && Topics.Count == 0 && Entities.Count == 0;
}
