namespace NewsDesk.Core.Articles;

/// <summary>Where a story stands in the desk's workflow. Only <see cref="Published"/> is public.</summary>
public enum ArticleStatus
{
    /// <summary>Brought in by ingest and waiting for the desk to triage it.</summary>
    Incoming,
    Draft,
    InReview,
    Published,
    Unpublished,
    Discarded,
}
