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

/// <summary>
/// An item on its way to the writer: what de-duplication needs (headline, identity, link, content hash) at once,
/// the article itself only when it is new or changed. Re-ingesting a feed then costs no HTML conversion per item.
/// </summary>
public sealed class IncomingItem
{
    private readonly Func<IncomingArticle> _build;
    private IncomingArticle? _article;

    public IncomingItem(string headline, string? externalId, string? originalUrl, string contentHash, Func<IncomingArticle> build)
    {
        Headline = headline;
        ExternalId = externalId;
        OriginalUrl = originalUrl;
        ContentHash = contentHash;
        _build = build;
    }

    public string Headline { get; }

    public string? ExternalId { get; }

    public string? OriginalUrl { get; }

    /// <summary>SHA-256 of the headline and the text as the source gave it (normalised), see <see cref="Dedup.ContentHash"/>.</summary>
    public string ContentHash { get; }

    public IncomingArticle Article => _article ??= _build();

    /// <summary>MinHash signature of headline and body (null for a text too short to have one), once computed.</summary>
    internal byte[]? Signature { get; private set; }

    internal long[]? Bands { get; private set; }

    internal bool Fingerprinted { get; private set; }

    /// <summary>The tagger's suggestions, when computed ahead of the write (see <see cref="ArticleWriter.PrepareAsync"/>).</summary>
    internal Core.Taxonomy.TagSuggestions? Suggestions { get; set; }

    /// <summary>Builds the article and its near-duplicate fingerprint: pure work, done once, on any thread.</summary>
    internal void Fingerprint()
    {
        if (!Fingerprinted)
        {
            Signature = Dedup.MinHash.Signature(Headline + "\n" + Article.Body);
            Bands = Signature is null ? null : Dedup.MinHash.BandKeys(Signature);
            Fingerprinted = true;
        }
    }

    /// <summary>An article that is already built (a plain-text file, a page): its hash is taken over its Markdown.</summary>
    public static IncomingItem From(IncomingArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new IncomingItem(article.Headline, article.ExternalId, article.OriginalUrl, Dedup.ContentHash.Of(article.Headline, article.Body), () => article);
    }
}
