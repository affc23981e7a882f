namespace NewsDesk.Core.Articles;

/// <summary>A copy of an article's text as it was after one save; revisions are never edited.</summary>
public sealed class ArticleRevision
{
    public int Id { get; private set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>1, 2, 3… per article.</summary>
    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Why it was saved: "seed", "ingest", "ingest update", "edit", …</summary>
    public required string Reason { get; set; }

    /// <summary>Who saved it (a user name), or null for the system.</summary>
    public string? Author { get; set; }

    public required string Slug { get; set; }

    public required string Headline { get; set; }

    public string? Standfirst { get; set; }

    public required string Body { get; set; }

    public string? Byline { get; set; }

    public string? ImageCredit { get; set; }

    public string? SourceName { get; set; }

    public string? OriginalUrl { get; set; }

    public string? CorrectionNote { get; set; }

    public ArticleStatus Status { get; set; }
}
