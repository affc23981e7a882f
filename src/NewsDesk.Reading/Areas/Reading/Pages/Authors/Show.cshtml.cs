using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Text;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages.Authors;

/// <summary>An author's stories, from the bylines that name them (there are no author records).</summary>
[PublicPage]
public sealed class ShowModel(StoryQueries stories, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public TermListingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var canonical = Slugs.From(slug);
        if (canonical.Length == 0)
        {
            return NotFound();
        }

        if (canonical != slug)
        {
            return RedirectPermanent("/authors/" + canonical + Request.QueryString);
        }

        var name = await stories.AuthorNameAsync(slug, cancellationToken);
        if (name is null || !ReadQuery())
        {
            return NotFound();
        }

        if (await LoadAsync((page, size, from, to, ct) => stories.ByAuthorAsync(slug, page, size, from, to, ct), stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        View = new TermListingView(this, "Author", name, null, null, []);
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"{name}, page {PageNumber}" : name,
            Description = $"Stories by {name}, newest first.",
            CanonicalPath = CanonicalPath,
            NoIndex = Filter.IsActive,
        };
        return Page();
    }
}
