using System.Text.Json.Serialization;

namespace NewsDesk.Ingest.Pipeline;

/// <summary>
/// What an ingest did, in the shape the CLI prints with <c>--json</c>:
/// <c>{"added":N,"updated":N,"duplicates":N,"rejected":[{"source":"…","reason":"…"}]}</c>.
/// </summary>
public sealed class IngestSummary
{
    [JsonPropertyName("added")]
    public int Added { get; set; }

    [JsonPropertyName("updated")]
    public int Updated { get; set; }

    [JsonPropertyName("duplicates")]
    public int Duplicates { get; set; }

    [JsonPropertyName("rejected")]
    public List<IngestRejection> Rejected { get; } = [];

    public void Add(IngestSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Added += other.Added;
        Updated += other.Updated;
        Duplicates += other.Duplicates;
        Rejected.AddRange(other.Rejected);
    }
}

/// <summary>Something ingest refused: the input (a path or URL, with the item when only an item was refused) and a one-line reason.</summary>
public sealed record IngestRejection(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>How to ingest: under which source, and whether to publish at once.</summary>
public sealed record IngestRequest
{
    /// <summary>The source's name; default: the feed's own title, the page's site, or the file name.</summary>
    public string? SourceName { get; init; }

    /// <summary>Publish what is added instead of leaving it in Incoming (sources trusted to publish always do).</summary>
    public bool Publish { get; init; }

    public Core.Sources.FeedRunTrigger Trigger { get; init; } = Core.Sources.FeedRunTrigger.Command;
}
