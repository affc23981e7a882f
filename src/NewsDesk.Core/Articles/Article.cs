using NewsDesk.Core.Sources;

namespace NewsDesk.Core.Articles;

/// <summary>A story: the unit that is ingested, edited, tagged and published.</summary>
public sealed class Article : Content.IPublicContent
{
    public const int MaxHeadlineLength = 500;
    public const int MaxSlugLength = 120;
    public const int MaxStandfirstLength = 4000;
    public const int MaxCorrectionNoteLength = 2000;
    public const int MaxAltLength = 500;

    private string? _byline;

    public Article(string slug, string headline, string body, ArticleStatus status, DateTime createdAt)
    {
        Slug = slug;
        Headline = headline;
        Body = body;
        Status = status;
        CreatedAt = createdAt;
        ModifiedAt = createdAt;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public string Slug { get; set; }

    public string Headline { get; set; }

    public string? Standfirst { get; set; }

    /// <summary>The story text as Markdown; rendered (and sanitized) only by the reading view.</summary>
    public string Body { get; set; }

    /// <summary>As printed: "Jane Doe and John Smith". Setting it also sets <see cref="AuthorKeys"/>.</summary>
    public string? Byline
    {
        get => _byline;
        set
        {
            _byline = value;
            AuthorKeys = Bylines.Keys(value);
        }
    }

    /// <summary>The byline's author slugs as "|jane-doe|john-smith|", so an author page is one substring match.</summary>
    public string? AuthorKeys { get; private set; }

    public string? ImageCredit { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The outlet's name as shown to readers; kept even when no <see cref="Source"/> row exists.</summary>
    public string? SourceName { get; set; }

    public string? OriginalUrl { get; set; }

    /// <summary>De-duplication key for <see cref="OriginalUrl"/>: scheme, "www.", fragment and tracking parameters removed.</summary>
    public string? CanonicalUrl { get; set; }

    /// <summary>When the source says it published the item, UTC; kept while the article waits in Incoming.</summary>
    public DateTime? SourcePublishedAt { get; set; }

    /// <summary>The identity the source gave the item (a feed GUID, a file name); unique per source.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Content fingerprint used by ingest to recognise an item it has seen.</summary>
    public string? ContentHash { get; set; }

    /// <summary>MinHash signature over the text's word shingles (see ingest's near-duplicate detection); null for texts too short to compare.</summary>
    public byte[]? Fingerprint { get; set; }

    /// <summary>The story this article tells together with near-duplicates from other sources, if any.</summary>
    public StoryClusterMember? ClusterMembership { get; set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>When the story was (or is to be) published, UTC.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>When the story itself was last updated for readers, UTC (the "Updated" line).</summary>
    public DateTime? UpdatedAt { get; set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Last change to the stored row, UTC; drives caching headers.</summary>
    public DateTime ModifiedAt { get; private set; }

    /// <summary>Optimistic concurrency token, replaced on every save through <see cref="Touch"/>.</summary>
    public Guid Version { get; private set; }

    /// <summary>A public note on what was corrected after publication; shown to readers with <see cref="CorrectedAt"/>.</summary>
    public string? CorrectionNote { get; private set; }

    public DateTime? CorrectedAt { get; private set; }

    /// <summary>The story this one was discarded as a duplicate of, when the desk marked it so.</summary>
    public int? DuplicateOfId { get; private set; }

    /// <summary>The stored lead image's name (see the web host's image store); null when the story has none.</summary>
    public string? LeadImageKey { get; private set; }

    public int? LeadImageWidth { get; private set; }

    public int? LeadImageHeight { get; private set; }

    /// <summary>Required with an image: what it shows, for readers who cannot see it.</summary>
    public string? LeadImageAlt { get; set; }

    public string? LeadImageCaption { get; set; }

    public ICollection<ArticleTerm> Terms { get; } = [];

    public ICollection<ArticleRevision> Revisions { get; } = [];

    public bool IsPublic(DateTime now) => Status == ArticleStatus.Published && PublishedAt <= now;

    public void Publish(DateTime publishedAt)
    {
        Status = ArticleStatus.Published;
        PublishedAt = publishedAt;
    }

    public void MoveTo(ArticleStatus status)
    {
        Status = status;
    }

    /// <summary>Discards this story as a duplicate of <paramref name="original"/>.</summary>
    public void MarkDuplicateOf(Article original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original == this || (original.Id != 0 && original.Id == Id))
        {
            throw new InvalidOperationException("A story cannot be a duplicate of itself.");
        }

        DuplicateOfId = original.Id;
        Status = ArticleStatus.Discarded;
    }

    /// <summary>Sets, changes or (with null) removes the public correction note; a new note is dated <paramref name="now"/>.</summary>
    public void SetCorrection(string? note, DateTime now)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note != CorrectionNote)
        {
            CorrectedAt = note is null ? null : now;
        }

        CorrectionNote = note;
    }

    public void SetLeadImage(string key, int width, int height, string alt, string? caption)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(alt);
        LeadImageKey = key;
        LeadImageWidth = width;
        LeadImageHeight = height;
        LeadImageAlt = alt;
        LeadImageCaption = caption;
    }

    public void RemoveLeadImage()
    {
        LeadImageKey = null;
        LeadImageWidth = null;
        LeadImageHeight = null;
        LeadImageAlt = null;
        LeadImageCaption = null;
    }

    /// <summary>A change that does not touch the story's text (a tag decision): readers' caches must notice it,
    /// but an editor with the story open should not get a conflict for it.</summary>
    public void MarkModified(DateTime now)
    {
        ModifiedAt = now;
    }

    /// <summary>Marks the row changed: a new concurrency token and modification time.</summary>
    public void Touch(DateTime now)
    {
        ModifiedAt = now;
        Version = Guid.NewGuid();
    }

    public ArticleRevision Snapshot(int number, DateTime at, string reason, string? author) => new()
    {
        Article = this,
        Number = number,
        CreatedAt = at,
        Reason = reason,
        Author = author,
        Slug = Slug,
        Headline = Headline,
        Standfirst = Standfirst,
        Body = Body,
        Byline = Byline,
        ImageCredit = ImageCredit,
        SourceName = SourceName,
        OriginalUrl = OriginalUrl,
        CorrectionNote = CorrectionNote,
        Status = Status,
    };
}
