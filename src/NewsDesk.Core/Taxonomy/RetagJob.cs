namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// A run of the tagger over every article, after the taxonomy changed. The row is the job's only state, so any
/// app instance may claim it (one at a time, through <see cref="LeaseOwner"/> and <see cref="LeaseExpiresAt"/>)
/// and resume it from <see cref="LastArticleId"/> if the instance running it dies.
/// </summary>
public sealed class RetagJob
{
    public int Id { get; private set; }

    public RetagJobState State { get; set; }

    public DateTime RequestedAt { get; set; }

    public string? RequestedBy { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Articles to process, counted when the job starts.</summary>
    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>The highest article id processed: the job resumes after it.</summary>
    public int LastArticleId { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? Error { get; set; }

    public bool IsActive => State is RetagJobState.Queued or RetagJobState.Running;
}

public enum RetagJobState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
