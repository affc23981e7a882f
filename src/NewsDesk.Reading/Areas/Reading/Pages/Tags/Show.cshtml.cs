using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading.Areas.Reading.Pages.Tags;

[PublicPage]
public sealed class ShowModel(NewsDeskDbContext db, StoryQueries stories, SlugResolver slugs, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public TermListingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking()
            .Where(t => t.Slug == slug && t.RetiredAt == null && t.MergedIntoId == null)
            .Select(t => new { t.Id, t.Name, t.Description, t.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            var lower = slug.ToLowerInvariant();
            var moved = await slugs.TermAsync(TermType.Tag, lower, cancellationToken)
                ?? (lower != slug && await db.Tags.AnyAsync(t => t.Slug == lower && t.RetiredAt == null && t.MergedIntoId == null, cancellationToken) ? lower : null);
            return moved is null ? NotFound() : RedirectPermanent("/tags/" + moved + Request.QueryString);
        }

        if (!ReadQuery())
        {
            return NotFound();
        }

        int[] ids = [tag.Id];
        if (await LoadAsync((page, size, from, to, ct) => stories.FiledUnderAsync(ids, page, size, from, to, ct), stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var url = "/tags/" + slug;
        var featured = PageNumber == 1 && !Filter.IsActive ? await stories.FeaturedAsync(tag.Id, cancellationToken) : [];
        View = new TermListingView(this, KindName(tag.Kind), tag.Name, tag.Description, url + "/feed.xml", featured);
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"{tag.Name}, page {PageNumber}" : tag.Name,
            Description = tag.Description ?? $"Stories about {tag.Name}, newest first.",
            CanonicalPath = CanonicalPath,
            NoIndex = Filter.IsActive,
            Feeds = FeedLink.Both(tag.Name, url + "/"),
        };
        return Page();
    }

    private static string KindName(TagKind kind) => kind switch
    {
        TagKind.Person => "Person",
        TagKind.Organisation => "Organisation",
        TagKind.Equipment => "Equipment",
        _ => "Tag",
    };
}
