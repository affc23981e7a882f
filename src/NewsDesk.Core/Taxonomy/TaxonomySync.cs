using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Data;
using NewsDesk.Core.Text;
using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Brings the built-in taxonomy (M49 hierarchy, countries, subdivisions, theatres, disputed territories and their
/// involvements, topics) into the Terms table, keyed by <see cref="Term.Key"/>. Idempotent and cheap when nothing
/// changed (one read of <see cref="TaxonomyState"/>); it only adds what is missing, so an admin's rename, move or
/// retirement is never undone. Other names become slug redirects ("viet-nam" → "vietnam").
/// </summary>
public sealed partial class TaxonomySync(NewsDeskDbContext db, ILogger<TaxonomySync> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var builtIn = TaxonomySnapshot.BuiltIn;
        var synced = await db.TaxonomyState.AsNoTracking().Where(s => s.Id == TaxonomyState.SingletonId).Select(s => s.BuiltInVersion).SingleOrDefaultAsync(cancellationToken);
        if (synced == builtIn.Version)
        {
            return;
        }

        try
        {
            await ApplyAsync(builtIn, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance synced at the same moment (unique keys): whatever is missing now is added on a second pass.
            db.ChangeTracker.Clear();
            await ApplyAsync(builtIn, cancellationToken);
        }
    }

    private async Task ApplyAsync(TaxonomySnapshot builtIn, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var existing = await db.Terms.Where(t => t.Key != null).ToDictionaryAsync(t => t.Key!, StringComparer.Ordinal, cancellationToken);
            var slugs = (await db.Terms.Select(t => new { t.Type, t.Slug }).ToListAsync(cancellationToken))
                .Select(t => (t.Type, t.Slug)).ToHashSet();
            var added = new List<Region>();

            // Parents before children: the hierarchy is at most a few levels deep.
            foreach (var place in builtIn.Places.OrderBy(p => Depth(builtIn, p)))
            {
                if (existing.ContainsKey(place.Key))
                {
                    continue;
                }

                var region = new Region(FreeSlug(slugs, TermType.Region, place.Slug), place.Name, ToRegionKind(place.Kind))
                {
                    Key = place.Key,
                    IsoCode = place.IsoCode,
                    NumericCode = place.NumericCode,
                };
                if (place.ParentKey is { } parentKey && existing.TryGetValue(parentKey, out var parent) && parent is Region parentRegion)
                {
                    region.MoveUnder(parentRegion);
                }

                db.Regions.Add(region);
                existing[place.Key] = region;
                added.Add(region);
            }

            foreach (var topic in builtIn.Topics)
            {
                if (!existing.ContainsKey(topic.Key))
                {
                    var term = new Topic(FreeSlug(slugs, TermType.Topic, topic.Slug), topic.Name) { Key = topic.Key, IptcCode = topic.IptcCode };
                    db.Topics.Add(term);
                    existing[topic.Key] = term;
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            // Materialised paths need the ids the insert assigned.
            foreach (var region in added)
            {
                region.RefreshPath();
            }

            await AddInvolvementsAsync(builtIn, existing, cancellationToken);
            await AddRedirectsAsync(builtIn, existing, slugs, cancellationToken);
            var state = await db.TaxonomyState.SingleAsync(s => s.Id == TaxonomyState.SingletonId, cancellationToken);
            state.BuiltInVersion = builtIn.Version;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogSynced(added.Count, builtIn.Version, milliseconds);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task AddInvolvementsAsync(TaxonomySnapshot builtIn, Dictionary<string, Term> terms, CancellationToken cancellationToken)
    {
        var present = (await db.RegionInvolvements.Select(i => new { i.RegionId, i.CountryId }).ToListAsync(cancellationToken))
            .Select(i => (i.RegionId, i.CountryId)).ToHashSet();
        foreach (var place in builtIn.Places.Where(p => p.InvolvedCountryKeys.Count > 0))
        {
            if (terms.GetValueOrDefault(place.Key) is not Region region)
            {
                continue;
            }

            foreach (var countryKey in place.InvolvedCountryKeys)
            {
                if (terms.GetValueOrDefault(countryKey) is Region country && present.Add((region.Id, country.Id)))
                {
                    db.RegionInvolvements.Add(new RegionInvolvement { Region = region, Country = country });
                }
            }
        }
    }

    private async Task AddRedirectsAsync(TaxonomySnapshot builtIn, Dictionary<string, Term> terms, HashSet<(TermType, string)> slugs, CancellationToken cancellationToken)
    {
        var redirects = (await db.SlugRedirects.Where(r => r.Kind == SlugKind.Region || r.Kind == SlugKind.Topic).Select(r => new { r.Kind, r.FromSlug }).ToListAsync(cancellationToken))
            .Select(r => (r.Kind, r.FromSlug)).ToHashSet();
        var now = DateTime.UtcNow;
        foreach (var place in builtIn.Places.Where(p => p.Kind is PlaceKind.Country or PlaceKind.Theatre or PlaceKind.DisputedTerritory))
        {
            if (terms.GetValueOrDefault(place.Key) is not Region region)
            {
                continue;
            }

            foreach (var name in place.OtherNames.Where(IsLatin))
            {
                var from = Slugs.From(name, Articles.Article.MaxSlugLength);
                if (from.Length > 0 && from != region.Slug && !slugs.Contains((TermType.Region, from)) && redirects.Add((SlugKind.Region, from)))
                {
                    db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Region, FromSlug = from, TargetId = region.Id, CreatedAt = now });
                }
            }
        }
    }

    private static bool IsLatin(string name)
    {
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (c > '\u024F' && char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string FreeSlug(HashSet<(TermType, string)> slugs, TermType type, string slug)
    {
        var candidate = slug;
        for (var n = 2; !slugs.Add((type, candidate)); n++)
        {
            candidate = Slugs.WithSuffix(slug, n, Articles.Article.MaxSlugLength);
        }

        return candidate;
    }

    private static int Depth(TaxonomySnapshot taxonomy, PlaceDefinition place)
    {
        var depth = 0;
        for (var p = place; p.ParentKey is { } key && taxonomy.FindPlace(key) is { } parent && depth < 32; p = parent)
        {
            depth++;
        }

        return depth;
    }

    internal static RegionKind ToRegionKind(PlaceKind kind) => kind switch
    {
        PlaceKind.World => RegionKind.World,
        PlaceKind.Continent => RegionKind.Continent,
        PlaceKind.Subregion => RegionKind.Subregion,
        PlaceKind.IntermediateRegion => RegionKind.IntermediateRegion,
        PlaceKind.Country => RegionKind.Country,
        PlaceKind.Subdivision => RegionKind.Subdivision,
        PlaceKind.Theatre => RegionKind.Theatre,
        _ => RegionKind.DisputedTerritory,
    };

    internal static PlaceKind ToPlaceKind(RegionKind kind) => kind switch
    {
        RegionKind.World => PlaceKind.World,
        RegionKind.Continent => PlaceKind.Continent,
        RegionKind.Subregion => PlaceKind.Subregion,
        RegionKind.IntermediateRegion => PlaceKind.IntermediateRegion,
        RegionKind.Country => PlaceKind.Country,
        RegionKind.Subdivision => PlaceKind.Subdivision,
        RegionKind.Theatre => PlaceKind.Theatre,
        _ => PlaceKind.DisputedTerritory,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Taxonomy synced: {Added} regions added, built-in data {Version}, {Milliseconds:0} ms")]
    private partial void LogSynced(int added, string version, double milliseconds);
}
