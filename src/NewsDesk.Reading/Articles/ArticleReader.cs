using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Markdown;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Articles;

/// <summary>Builds <see cref="ArticleView"/>s: the public story page, and the desk's preview of any story.</summary>
public sealed class ArticleReader(NewsDeskDbContext db, StoryQueries stories, MarkdownRenderer markdown)
{
    public const int RelatedCount = 5;

    /// <summary>Related stories come from this many days either side of the story.</summary>
    public const int RelatedWindowDays = 180;

    /// <summary>The published, due story at <paramref name="slug"/>, or null.</summary>
    public async Task<ArticleView?> PublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var article = await stories.Published().Where(a => a.Slug == slug).Select(Row).SingleOrDefaultAsync(cancellationToken);
        return article is null ? null : await BuildAsync(article, preview: false, cancellationToken);
    }

    /// <summary>Any story, whatever its status, rendered as readers would see it once published.</summary>
    public async Task<ArticleView?> PreviewAsync(int articleId, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(Row).SingleOrDefaultAsync(cancellationToken);
        return article is null ? null : await BuildAsync(article, preview: true, cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Article, ArticleRow>> Row = a => new ArticleRow(
        a.Id, a.Slug, a.Headline, a.Standfirst, a.Body, a.Byline, a.Status, a.PublishedAt, a.UpdatedAt, a.ModifiedAt, a.ImageCredit,
        a.LeadImageKey, a.LeadImageAlt, a.LeadImageCaption, a.LeadImageWidth, a.LeadImageHeight, a.SourceName, a.OriginalUrl, a.CorrectionNote, a.CorrectedAt,
        a.ClusterMembership == null ? null : (int?)a.ClusterMembership.StoryClusterId);

    private async Task<ArticleView> BuildAsync(ArticleRow a, bool preview, CancellationToken cancellationToken)
    {
        var terms = await db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => l.ArticleId == a.Id && l.Term.RetiredAt == null && l.Term.MergedIntoId == null)
            .OrderByDescending(l => l.Score).ThenBy(l => l.Term.Name)
            .Select(l => new
            {
                l.TermId,
                l.Term.Type,
                l.Term.Name,
                l.Term.Slug,
                RegionKind = l.Term is Region ? ((Region)l.Term).Kind : (RegionKind?)null,
                TagKind = l.Term is Tag ? ((Tag)l.Term).Kind : (TagKind?)null,
            })
            .ToListAsync(cancellationToken);

        var related = await RelatedAsync(a, [.. terms.Where(t => t.Type != TermType.Tag).Select(t => t.TermId)], cancellationToken);
        return new ArticleView
        {
            Id = a.Id,
            Slug = a.Slug,
            Headline = a.Headline,
            Standfirst = a.Standfirst,
            BodyHtml = new HtmlString(markdown.ToHtml(a.Body)),
            Byline = a.Byline,
            Authors = Bylines.Authors(a.Byline),
            Status = a.Status,
            PublishedAt = a.PublishedAt,
            UpdatedAt = a.UpdatedAt,
            ModifiedAt = a.ModifiedAt,
            ImageCredit = a.ImageCredit,
            LeadImageUrl = a.LeadImageKey is null ? null : LeadImages.Url(a.LeadImageKey),
            LeadImageAlt = a.LeadImageAlt,
            LeadImageCaption = a.LeadImageCaption,
            LeadImageWidth = a.LeadImageWidth,
            LeadImageHeight = a.LeadImageHeight,
            SourceName = a.SourceName,
            SourceUrl = Uri.TryCreate(a.OriginalUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null,
            CorrectionNote = string.IsNullOrWhiteSpace(a.CorrectionNote) ? null : a.CorrectionNote.Trim(),
            CorrectedAt = a.CorrectedAt,
            Regions = [.. terms.Where(t => t.Type == TermType.Region).Select(t => new TermLink(t.TermId, t.Name, TermLink.UrlFor(t.Type, t.Slug), KindLabel(t.RegionKind)))],
            Topics = [.. terms.Where(t => t.Type == TermType.Topic).Select(t => new TermLink(t.TermId, t.Name, TermLink.UrlFor(t.Type, t.Slug), "Topic"))],
            Tags = [.. terms.Where(t => t.Type == TermType.Tag).Select(t => new TermLink(t.TermId, t.Name, TermLink.UrlFor(t.Type, t.Slug), t.TagKind?.ToString() ?? "Tag"))],
            Related = related,
            IsPreview = preview,
        };
    }

    /// <summary>Same story cluster first (newest first), then the stories sharing most regions and topics, near in time.</summary>
    private async Task<IReadOnlyList<StoryCard>> RelatedAsync(ArticleRow a, List<int> termIds, CancellationToken cancellationToken)
    {
        var related = new List<StoryCard>();
        if (a.StoryClusterId is { } cluster)
        {
            related.AddRange(await StoryQueries.Cards(stories.Published()
                    .Where(x => x.ClusterMembership!.StoryClusterId == cluster && x.Id != a.Id)
                    .OrderByDescending(x => x.PublishedAt).Take(RelatedCount))
                .ToListAsync(cancellationToken));
        }

        if (related.Count >= RelatedCount || termIds.Count == 0)
        {
            return related;
        }

        var centre = a.PublishedAt ?? stories.Now;
        var from = centre.AddDays(-RelatedWindowDays);
        var to = centre.AddDays(RelatedWindowDays);
        var now = stories.Now;
        var exclude = related.Select(r => r.Id).Append(a.Id).ToList();
        var ranked = await db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => termIds.Contains(l.TermId) && !exclude.Contains(l.ArticleId))
            .Where(l => l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now && l.Article.PublishedAt >= from && l.Article.PublishedAt <= to)
            .GroupBy(l => l.ArticleId)
            .Select(g => new { Id = g.Key, Shared = g.Count(), Published = g.Max(l => l.Article.PublishedAt) })
            .OrderByDescending(g => g.Shared).ThenByDescending(g => g.Published)
            .Take(RelatedCount - related.Count)
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);
        var cards = await StoryQueries.Cards(stories.Published().Where(x => ranked.Contains(x.Id))).ToListAsync(cancellationToken);
        related.AddRange(cards.OrderBy(c => ranked.IndexOf(c.Id)));
        return related;
    }

    private static string KindLabel(RegionKind? kind) => kind switch
    {
        RegionKind.Country => "Country",
        RegionKind.Subdivision => "Province or state",
        RegionKind.Theatre => "Theatre",
        RegionKind.DisputedTerritory => "Disputed territory",
        _ => "Region",
    };

    private sealed record ArticleRow(
        int Id, string Slug, string Headline, string? Standfirst, string Body, string? Byline, ArticleStatus Status,
        DateTime? PublishedAt, DateTime? UpdatedAt, DateTime ModifiedAt, string? ImageCredit, string? LeadImageKey, string? LeadImageAlt,
        string? LeadImageCaption, int? LeadImageWidth, int? LeadImageHeight,
        string? SourceName, string? OriginalUrl, string? CorrectionNote, DateTime? CorrectedAt, int? StoryClusterId);
}
