namespace NewsDesk.Ingest.PlainText;

/// <summary>An article read from a file or feed, before it is stored. Times are UTC; the body is Markdown.</summary>
public sealed record ParsedArticle(
    string Headline,
    string? Standfirst,
    string Body,
    string? Byline,
    string? ImageCredit,
    DateTime? PublishedAt,
    DateTime? UpdatedAt);
