using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Ingest;

/// <summary>Limits and behaviour of ingest; bound to the <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest article file read (seed and plain-text files).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest feed (file, upload or download) read; larger inputs are refused before parsing.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFeedBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Per-input time limit: an input still running after this is stopped (what it committed stays).</summary>
    [Range(1, 86_400)]
    public int InputTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Items written per transaction (each holds whole items only): fewer commits, fewer fsyncs. The write lock is
    /// held only for the store's part of a batch (its text work is done before), about a third of a second at 500.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Estimated Jaccard similarity of word 3-shingles at or above which two articles are one story.</summary>
    [Range(0.05, 1.0)]
    public double ClusterThreshold { get; set; } = 0.5;
}

/// <summary>Fetching feeds and pages; bound to <c>Ingest:Http</c>.</summary>
public sealed class IngestHttpOptions
{
    public const string Section = "Ingest:Http";

    /// <summary>Allow URLs that resolve to loopback, private or link-local addresses (tests, intranet feeds). Off by default: SSRF.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The whole fetch (redirects, retries and body) must finish within this.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>One attempt's limit until the response headers arrive.</summary>
    [Range(1, 3600)]
    public int AttemptTimeoutSeconds { get; set; } = 20;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones back off exponentially, with jitter.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Range(1, long.MaxValue)]
    public long MaxResponseBytes { get; set; } = 50 * 1024 * 1024;

    [Required]
    public string UserAgent { get; set; } = "NewsDesk/1.0 (feed reader)";
}

/// <summary>The background poller of feed sources; bound to <c>Ingest:Polling</c>.</summary>
public sealed class IngestPollingOptions
{
    public const string Section = "Ingest:Polling";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the poller looks for due sources.</summary>
    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>How long a claim on a source lasts; another instance may take it over after that.</summary>
    [Range(1, 1440)]
    public int LeaseMinutes { get; set; } = 10;

    [Range(1, 1000)]
    public int MaxSourcesPerCycle { get; set; } = 20;

    /// <summary>Failing sources back off exponentially up to this.</summary>
    [Range(1, 720)]
    public int MaxBackoffHours { get; set; } = 24;
}
