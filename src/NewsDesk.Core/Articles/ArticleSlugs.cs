using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Text;

namespace NewsDesk.Core.Articles;

/// <summary>Allocates article slugs: the headline's slug, or the same with -2, -3, … when taken.</summary>
public static class ArticleSlugs
{
    public const string Fallback = "article";

    /// <summary>
    /// The first free slug for <paramref name="headline"/>. An old slug that redirects is taken too. A concurrent
    /// writer can still claim the same slug first; the unique index then refuses the second save.
    /// </summary>
    public static async Task<string> FreeSlugAsync(NewsDeskDbContext db, string headline, int? exceptArticleId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var slug = Slugs.From(headline);
        if (slug.Length == 0)
        {
            slug = Fallback;
        }

        var taken = await db.Articles
            .Where(a => (a.Slug == slug || a.Slug.StartsWith(slug + "-")) && a.Id != exceptArticleId)
            .Select(a => a.Slug)
            .Union(db.SlugRedirects
                .Where(r => r.Kind == SlugKind.Article && (r.FromSlug == slug || r.FromSlug.StartsWith(slug + "-")) && r.TargetId != exceptArticleId)
                .Select(r => r.FromSlug))
            .ToListAsync(cancellationToken);
        var takenSet = taken.ToHashSet(StringComparer.Ordinal);
        if (!takenSet.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = Slugs.WithSuffix(slug, n);
            if (!takenSet.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
