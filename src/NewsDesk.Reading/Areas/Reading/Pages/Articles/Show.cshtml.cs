using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Reading.Articles;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading.Areas.Reading.Pages.Articles;

[PublicPage]
public sealed class ShowModel(ArticleReader reader, StoryQueries stories, SlugResolver slugs, SiteUrls urls, IOptions<SiteOptions> site) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await reader.PublishedAsync(slug, cancellationToken);
        if (article is null)
        {
            var moved = await slugs.ArticleAsync(slug, stories.Now, cancellationToken);
            if (moved is null && slug.Any(char.IsUpper) && await reader.PublishedAsync(slug.ToLowerInvariant(), cancellationToken) is not null)
            {
                moved = slug.ToLowerInvariant();
            }

            return moved is null ? NotFound() : RedirectPermanent("/articles/" + moved + Request.QueryString);
        }

        Article = article;
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = article.Headline,
            Description = article.Standfirst,
            CanonicalPath = article.Url,
            Type = "article",
            ImageUrl = article.LeadImageUrl,
            ImageAlt = article.LeadImageAlt,
            PublishedAt = article.PublishedAt,
            ModifiedAt = article.WasUpdated ? article.UpdatedAt : null,
            JsonLd = [NewsArticle(article)],
        };
        return Page();
    }

    /// <summary>schema.org NewsArticle, as search engines read it.</summary>
    private Dictionary<string, object?> NewsArticle(ArticleView a)
    {
        string Absolute(string path) => urls.Absolute(Request, path);
        var modified = a.WasUpdated ? a.UpdatedAt : a.PublishedAt;
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = Absolute(a.Url),
            ["url"] = Absolute(a.Url),
            ["headline"] = a.Headline.Length > 110 ? a.Headline[..107] + "…" : a.Headline,
            ["description"] = a.Standfirst,
            ["datePublished"] = a.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["dateModified"] = modified?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = a.Authors.Count == 0
                ? null
                : a.Authors.Select(x => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = x.Name, ["url"] = Absolute("/authors/" + x.Slug) }).ToList(),
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = site.Value.Title, ["url"] = Absolute("/") },
            ["image"] = a.LeadImageUrl is null ? null : new[] { a.LeadImageUrl.StartsWith('/') ? Absolute(a.LeadImageUrl) : a.LeadImageUrl },
            ["articleSection"] = a.Topics.Count == 0 ? null : a.Topics.Select(t => t.Name).ToList(),
            ["keywords"] = a.Regions.Count + a.Tags.Count == 0 ? null : string.Join(", ", a.Regions.Concat(a.Tags).Select(t => t.Name)),
            ["contentLocation"] = a.Regions.Count == 0 ? null : a.Regions.Select(r => new Dictionary<string, string> { ["@type"] = "Place", ["name"] = r.Name }).ToList(),
        }.Where(p => p.Value is not null).ToDictionary();
    }
}
