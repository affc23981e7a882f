using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Tagging.Tagging;

/// <summary>A stretch of the text that supports a result: UTF-16 offsets into the text as given, end exclusive.</summary>
public sealed record Evidence(string Text, int Start, int End);

public sealed record PlaceResult(PlaceDefinition Place, double Score, IReadOnlyList<Evidence> Evidence);

public sealed record TopicResult(TopicDefinition Topic, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>A person, organisation or piece of equipment: curated (<see cref="Key"/> from the taxonomy) or found by a pattern ("person:nobuo-kishi").</summary>
public sealed record EntityResult(string Key, string Name, EntityKind Kind, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>What the tagger found, each list sorted by score, highest first. Countries appear only in <see cref="Countries"/>.</summary>
public sealed record TaggingResult(
    IReadOnlyList<PlaceResult> Countries,
    IReadOnlyList<PlaceResult> Regions,
    IReadOnlyList<TopicResult> Topics,
    IReadOnlyList<EntityResult> Entities)
{
    public static TaggingResult Empty { get; } = new([], [], [], []);
}
