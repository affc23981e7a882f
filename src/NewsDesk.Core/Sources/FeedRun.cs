namespace NewsDesk.Core.Sources;

/// <summary>One ingest of one input (a poll of a feed, a file, a URL): what it found and how it ended.</summary>
public sealed class FeedRun
{
    public long Id { get; private set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The file name, path or URL that was ingested.</summary>
    public required string Input { get; set; }

    public FeedRunTrigger Trigger { get; set; }

    public FeedRunOutcome Outcome { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The HTTP status of the final response, for fetched inputs.</summary>
    public int? HttpStatus { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Duplicates { get; set; }

    public int Rejected { get; set; }

    /// <summary>One line: why it failed, or what was refused.</summary>
    public string? Message { get; set; }

    /// <summary>Which process ran it (host name and process id), to tell instances apart.</summary>
    public string? Instance { get; set; }
}

public enum FeedRunTrigger
{
    Command,
    Poll,
    Upload,
}

public enum FeedRunOutcome
{
    /// <summary>Started and not finished: still running, or the process died (the items it committed stay).</summary>
    Running,
    Succeeded,
    NotModified,
    /// <summary>Some items were stored, then the input failed (truncated, timed out).</summary>
    Partial,
    Failed,
}
