namespace NewsDesk.Ingest.Pipeline;

/// <summary>An item ready to be stored: the body is Markdown, times are UTC, the URL absolute.</summary>
public sealed record IncomingArticle(
    string Headline,
    string? Standfirst,
    string Body,
    string? Byline,
    string? ImageCredit,
    string? OriginalUrl,
    string? ExternalId,
    DateTime? PublishedAt,
    DateTime? UpdatedAt);
