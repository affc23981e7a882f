using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.Reading.Caching;

namespace NewsDesk.Reading.Regions;

/// <summary>The current <see cref="Taxonomy"/> snapshot, loaded once per content version.</summary>
public sealed class ReadingTaxonomy(ContentVersion version, IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly VersionedCache<Taxonomy> _cache = new(version, scopes, time, TimeSpan.FromHours(1), LoadAsync);

    public Task<Taxonomy> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    private static async Task<Taxonomy> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NewsDeskDbContext>();
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.RetiredAt == null && r.MergedIntoId == null)
            .Select(r => new RegionNode(r.Id, r.Slug, r.Name, r.Kind, r.ParentId, r.Path, r.IsoCode, r.NumericCode, r.Description))
            .ToListAsync(cancellationToken);
        var involvements = await db.RegionInvolvements.AsNoTracking()
            .Select(i => new { i.RegionId, i.CountryId })
            .ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.RetiredAt == null && t.MergedIntoId == null)
            .Select(t => new TopicNode(t.Id, t.Slug, t.Name, t.Description))
            .ToListAsync(cancellationToken);
        return new Taxonomy(regions, involvements.Select(i => (i.RegionId, i.CountryId)), topics);
    }
}
