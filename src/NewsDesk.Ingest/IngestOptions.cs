using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Ingest;

/// <summary>Limits and behaviour of ingest; bound to the <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest article file read (seed and plain-text files).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}
