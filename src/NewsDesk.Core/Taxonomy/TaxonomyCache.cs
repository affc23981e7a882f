using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Data;
using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// The taxonomy snapshot the tagger uses: built-in data plus the store's curation (aliases, renames, merges,
/// retirements, admin-added regions, topics and tags). Built once and reused while <see cref="TaxonomyState.Stamp"/>
/// is unchanged; a change made by any instance or process is seen on the next call. Singleton.
/// </summary>
public sealed partial class TaxonomyCache(ILogger<TaxonomyCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (Guid Stamp, TaxonomySnapshot Snapshot)? _current;

    public async Task<TaxonomySnapshot> GetAsync(NewsDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await ReadStampAsync(db, cancellationToken);
        if (_current is { } current && current.Stamp == stamp)
        {
            return current.Snapshot;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Stamp == stamp)
            {
                return built.Snapshot;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var overlay = await ReadOverlayAsync(db, cancellationToken);
            var snapshot = overlay.IsEmpty ? TaxonomySnapshot.BuiltIn : TaxonomySnapshot.Build(overlay);
            _current = (stamp, snapshot);
            var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var added = overlay.Places.Count + overlay.Topics.Count + overlay.Entities.Count;
            LogBuilt(stamp, overlay.Aliases.Count, overlay.Merges.Count, added, milliseconds);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private static Task<Guid> ReadStampAsync(NewsDeskDbContext db, CancellationToken cancellationToken) =>
        db.TaxonomyState.AsNoTracking().Where(s => s.Id == TaxonomyState.SingletonId).Select(s => s.Stamp).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Reads what admins changed; "term:ID" keys stand for terms that exist only in the store.</summary>
    internal static async Task<TaxonomyOverlay> ReadOverlayAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var builtIn = TaxonomySnapshot.BuiltIn;
        var overlay = new TaxonomyOverlay();
        var terms = await db.Terms.AsNoTracking()
            .Select(t => new
            {
                t.Id,
                t.Key,
                t.Type,
                t.Name,
                t.Slug,
                t.MergedIntoId,
                t.RetiredAt,
                Kind = (RegionKind?)(t as Region)!.Kind,
                ParentId = (t as Region)!.ParentId,
                IsoCode = (t as Region)!.IsoCode,
                TagKind = (TagKind?)(t as Tag)!.Kind,
                Iptc = (t as Topic)!.IptcCode,
            })
            .ToListAsync(cancellationToken);
        var keyOf = terms.ToDictionary(t => t.Id, t => t.Key ?? "term:" + t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var aliases = await db.TermAliases.AsNoTracking().Select(a => new { a.TermId, a.Name }).ToListAsync(cancellationToken);
        foreach (var a in aliases)
        {
            if (keyOf.TryGetValue(a.TermId, out var key))
            {
                overlay.Aliases.Add((key, a.Name));
            }
        }

        var aliased = aliases.Select(a => a.TermId).ToHashSet();
        var involvements = (await db.RegionInvolvements.AsNoTracking().Select(i => new { i.RegionId, i.CountryId }).ToListAsync(cancellationToken))
            .ToLookup(i => i.RegionId, i => keyOf.GetValueOrDefault(i.CountryId));
        foreach (var t in terms)
        {
            var key = keyOf[t.Id];
            if (t.MergedIntoId is { } into && keyOf.TryGetValue(into, out var target))
            {
                overlay.Merges[key] = target;
            }

            if (t.RetiredAt is not null)
            {
                overlay.Retired.Add(key);
            }

            if (t.Key is not null)
            {
                var builtInName = builtIn.FindPlace(t.Key)?.Name ?? builtIn.FindTopic(t.Key)?.Name ?? builtIn.FindEntity(t.Key)?.Name;
                if (builtInName is not null && builtInName != t.Name)
                {
                    overlay.Renames[t.Key] = t.Name;
                }
                else if (builtInName is null && t.Type == TermType.Tag && aliased.Contains(t.Id))
                {
                    // A person or organisation the tagger found earlier, given aliases by an admin: now a known name.
                    overlay.Entities.Add(new EntityDefinition(key, t.Name, EntityKindOf(t.TagKind ?? TagKind.Other), null, []));
                }

                continue;
            }

            switch (t.Type)
            {
                case TermType.Region:
                    overlay.Places.Add(new PlaceDefinition(key, t.Slug, t.Name, TaxonomySync.ToPlaceKind(t.Kind ?? RegionKind.Theatre),
                        t.ParentId is { } parent ? keyOf.GetValueOrDefault(parent) : null, t.IsoCode, null,
                        [.. involvements[t.Id].OfType<string>()], []));
                    break;
                case TermType.Topic:
                    overlay.Topics.Add(new TopicDefinition(key, t.Slug, t.Name, t.Iptc, null));
                    break;
                default:
                    overlay.Entities.Add(new EntityDefinition(key, t.Name, EntityKindOf(t.TagKind ?? TagKind.Other), null, []));
                    break;
            }
        }

        return overlay;
    }

    internal static EntityKind EntityKindOf(TagKind kind) => kind switch
    {
        TagKind.Person => EntityKind.Person,
        TagKind.Equipment => EntityKind.Equipment,
        TagKind.Organisation => EntityKind.Organisation,
        _ => EntityKind.Other,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Taxonomy snapshot {Stamp} built: {Aliases} aliases, {Merges} merges, {Added} admin-added terms, {Milliseconds:0} ms")]
    private partial void LogBuilt(Guid stamp, int aliases, int merges, int added, double milliseconds);
}
