using Microsoft.AspNetCore.Html;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Articles;

/// <summary>
/// Everything the story partial (<c>/Areas/Reading/Pages/Shared/_Article.cshtml</c>) renders. Built by
/// <see cref="ArticleReader"/>: for readers from a published story, for the desk's preview from any story, so the
/// preview is exactly what readers will see.
/// </summary>
public sealed record ArticleView
{
    public required int Id { get; init; }

    public required string Slug { get; init; }

    public required string Headline { get; init; }

    public string? Standfirst { get; init; }

    public required HtmlString BodyHtml { get; init; }

    public string? Byline { get; init; }

    public IReadOnlyList<Bylines.Author> Authors { get; init; } = [];

    /// <summary>Null for a story that has no publication time yet (a draft in preview).</summary>
    public DateTime? PublishedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public DateTime ModifiedAt { get; init; }

    public ArticleStatus Status { get; init; }

    public string? ImageCredit { get; init; }

    public string? LeadImageUrl { get; init; }

    public string? LeadImageAlt { get; init; }

    public string? LeadImageCaption { get; init; }

    public int? LeadImageWidth { get; init; }

    public int? LeadImageHeight { get; init; }

    public string? SourceName { get; init; }

    /// <summary>The original's address, only when it is an absolute http(s) URL.</summary>
    public Uri? SourceUrl { get; init; }

    public string? CorrectionNote { get; init; }

    public DateTime? CorrectedAt { get; init; }

    public IReadOnlyList<TermLink> Regions { get; init; } = [];

    public IReadOnlyList<TermLink> Topics { get; init; } = [];

    public IReadOnlyList<TermLink> Tags { get; init; } = [];

    public IReadOnlyList<StoryCard> Related { get; init; } = [];

    /// <summary>True when rendered for the desk rather than for readers (a story that is not public yet).</summary>
    public bool IsPreview { get; init; }

    public string Url => "/articles/" + Slug;

    /// <summary>Shown only when it says something: an update after publication.</summary>
    public bool WasUpdated => UpdatedAt is { } updated && PublishedAt is { } published && updated > published;
}

/// <summary>A region, topic or tag an article is filed under, as a link.</summary>
public sealed record TermLink(int Id, string Name, string Url, string Kind)
{
    public static string UrlFor(TermType type, string slug) => type switch
    {
        TermType.Region => "/regions/" + slug,
        TermType.Topic => "/topics/" + slug,
        _ => "/tags/" + slug,
    };
}
