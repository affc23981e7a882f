namespace NewsDesk.Ingest.Feeds;

/// <summary>One entry as the feed gave it, before it becomes an article. Links are absolute; times are UTC.</summary>
public sealed record FeedItem(
    string? Id,
    string? Link,
    string? Title,
    FeedText? Summary,
    FeedText? Content,
    string? Author,
    DateTime? Published,
    DateTime? Updated,
    Uri? BaseUri);

/// <summary>A text field that is either HTML or plain text.</summary>
public sealed record FeedText(string Value, bool IsHtml);

/// <summary>What the feed says about itself; filled as the reader meets it (usually before the first entry).</summary>
public sealed class FeedInfo
{
    /// <summary>"RSS 2.0", "RSS 1.0", "Atom 1.0", "JSON Feed 1.1", …</summary>
    public string Format { get; set; } = "";

    public string? Title { get; set; }

    public string? Link { get; set; }

    public string? Author { get; set; }
}

/// <summary>The input is not something ingest can read; the message is one line naming the reason.</summary>
public sealed class FeedFormatException : FormatException
{
    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException()
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
