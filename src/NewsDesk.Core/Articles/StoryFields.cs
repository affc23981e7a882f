namespace NewsDesk.Core.Articles;

/// <summary>What an editor writes: every field of the story editor's form.</summary>
public sealed record StoryFields(
    string Headline,
    string? Standfirst,
    string? Slug,
    string? Byline,
    string? ImageCredit,
    string? SourceName,
    string? OriginalUrl,
    string Body,
    string? CorrectionNote = null)
{
    public const int MaxBodyLength = 1_000_000;

    public static StoryFields From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Headline, article.Standfirst, article.Slug, article.Byline, article.ImageCredit, article.SourceName, article.OriginalUrl, article.Body, article.CorrectionNote);
    }

    public static StoryFields From(ArticleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new(revision.Headline, revision.Standfirst, revision.Slug, revision.Byline, revision.ImageCredit, revision.SourceName, revision.OriginalUrl, revision.Body, revision.CorrectionNote);
    }

    /// <summary>Trims, turns blanks into nulls and line endings into \n, so equal text compares equal.</summary>
    public StoryFields Normalized() => new(
        (Headline ?? "").Trim(),
        Clean(Standfirst),
        Clean(Slug),
        Clean(Byline),
        Clean(ImageCredit),
        Clean(SourceName),
        Clean(OriginalUrl),
        (Body ?? "").ReplaceLineEndings("\n").TrimEnd(),
        Clean(CorrectionNote));

    /// <summary>Field errors keyed by property name; empty when the fields can be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Text.VisibleText.IsBlank(Headline))
        {
            errors[nameof(Headline)] = "A headline is required (one that shows: zero-width and direction characters alone do not).";
        }
        else if (Headline.Length > Article.MaxHeadlineLength)
        {
            errors[nameof(Headline)] = $"The headline is longer than {Article.MaxHeadlineLength} characters.";
        }

        if (Standfirst is { Length: > Article.MaxStandfirstLength })
        {
            errors[nameof(Standfirst)] = $"The standfirst is longer than {Article.MaxStandfirstLength} characters.";
        }

        if (Slug is not null && (Slug.Length > Article.MaxSlugLength || Text.Slugs.From(Slug, Article.MaxSlugLength) != Slug))
        {
            errors[nameof(Slug)] = "A slug is lower-case letters, digits and single hyphens, such as 'japan-vietnam-sign-pact'.";
        }

        if (Byline is { Length: > 300 })
        {
            errors[nameof(Byline)] = "The byline is longer than 300 characters.";
        }

        if (ImageCredit is { Length: > 300 })
        {
            errors[nameof(ImageCredit)] = "The image credit is longer than 300 characters.";
        }

        if (SourceName is { Length: > 200 })
        {
            errors[nameof(SourceName)] = "The source name is longer than 200 characters.";
        }

        if (OriginalUrl is not null && (OriginalUrl.Length > 2048 || !Uri.TryCreate(OriginalUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            errors[nameof(OriginalUrl)] = "The original URL must be a full http or https address.";
        }

        if (Body.Length > MaxBodyLength)
        {
            errors[nameof(Body)] = $"The body is longer than {MaxBodyLength:N0} characters.";
        }

        if (CorrectionNote is { Length: > Article.MaxCorrectionNoteLength })
        {
            errors[nameof(CorrectionNote)] = $"The correction note is longer than {Article.MaxCorrectionNoteLength} characters.";
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.ReplaceLineEndings("\n").Trim();
}

/// <summary>An editor's decision on one suggested (or manually added) link, as posted by the tag panel.</summary>
public sealed record TagChoice(int TermId, LinkDecision Decision);

/// <summary>A lead image already stored by the host's image store, to attach to a story.</summary>
public sealed record LeadImageUpload(string Key, int Width, int Height);

/// <summary>A full save of the story editor's form, or of an old revision's text (<paramref name="RestoredRevision"/>).</summary>
public sealed record StorySave(
    StoryFields Fields,
    IReadOnlyList<TagChoice> TagChoices,
    IReadOnlyList<int> AddTermIds,
    bool Retag = false,
    LeadImageUpload? NewImage = null,
    bool RemoveImage = false,
    string? ImageAlt = null,
    string? ImageCaption = null,
    int? RestoredRevision = null);
