namespace NewsDesk.Ingest.PlainText;

/// <summary>The input is not an article in the expected format; the message is one line naming the reason.</summary>
public sealed class ArticleFormatException : FormatException
{
    public ArticleFormatException(string message)
        : base(message)
    {
    }

    public ArticleFormatException()
    {
    }

    public ArticleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
