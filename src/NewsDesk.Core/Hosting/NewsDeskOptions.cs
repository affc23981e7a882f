using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Core.Hosting;

/// <summary>Where NewsDesk keeps its files; bound to the <c>NewsDesk</c> configuration section.</summary>
public sealed class NewsDeskOptions
{
    public const string Section = "NewsDesk";

    /// <summary>Database, uploads and keys. Relative paths resolve against the repository root. Default: <c>data/</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Seed articles imported into an empty store. Default: <c>seeds/</c>.</summary>
    public string? SeedsDirectory { get; set; }

    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Most memory each pooled SQLite connection keeps for pages it has read (SQLite's own default is 2 MiB).
    /// A search for common words walks large parts of the full-text index: at 100,000 stories 16 MiB cut the p95 of
    /// uncached searches by about a tenth (docs/benchmarks.md).</summary>
    [Range(1, 1024)]
    public int PageCacheMiB { get; set; } = 16;

    /// <summary>How often the web host checks whether the search index is worth compacting
    /// (<see cref="Search.ISearchIndexMaintenance"/>), the first time one interval after start. Zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan SearchMaintenanceInterval { get; set; } = TimeSpan.FromHours(1);
}
