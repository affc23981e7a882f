using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
public sealed partial class TaxonomySync(NewsDeskDbContext db, TimeProvider time, ILogger<TaxonomySync> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var version = TaxonomySnapshot.BuiltInVersion;
        var synced = await db.TaxonomyState.AsNoTracking().Where(s => s.Id == TaxonomyState.SingletonId).Select(s => s.BuiltInVersion).SingleOrDefaultAsync(cancellationToken);
        if (synced == version)
        {
            return;
        }

        try
        {
            await ApplyAsync(TaxonomySnapshot.BuiltIn, cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // Another instance synced at the same moment (unique keys): whatever is missing now is added on a second pass.
            db.ChangeTracker.Clear();
            await ApplyAsync(TaxonomySnapshot.BuiltIn, cancellationToken);
        }
    }

    private static readonly string[] InsertColumns = ["key", "slug", "name", "type", "kind", "parent", "path", "iso", "numeric", "iptc"];

    private sealed record Existing(int Id, TermType Type, string? Path);

    private async Task ApplyAsync(TaxonomySnapshot builtIn, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Inside a caller's transaction (the first ingest batch into a store the host has not synced), join it.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!;
        var existing = await db.Terms.AsNoTracking().Where(t => t.Key != null)
            .Select(t => new { t.Key, t.Id, t.Type, Path = (t as Region)!.Path })
            .ToDictionaryAsync(t => t.Key!, t => new Existing(t.Id, t.Type, t.Path), StringComparer.Ordinal, cancellationToken);
        var slugs = (await db.Terms.AsNoTracking().Select(t => new { t.Type, t.Slug }).ToListAsync(cancellationToken))
            .Select(t => (t.Type, t.Slug)).ToHashSet();

        // Thousands of rows on a fresh store: plain parameterised INSERTs in one transaction, not the change tracker.
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO "Terms" ("Key", "Slug", "Name", "Type", "RegionKind", "ParentId", "Path", "IsoCode", "NumericCode", "IptcCode")
            VALUES (@key, @slug, @name, @type, @kind, @parent, @path, @iso, @numeric, @iptc) RETURNING "Id"
            """;
        var parameters = InsertColumns.ToDictionary(n => n, n =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@" + n;
            insert.Parameters.Add(parameter);
            return parameter;
        });
        await using var setPath = connection.CreateCommand();
        setPath.Transaction = insert.Transaction;
        setPath.CommandText = """UPDATE "Terms" SET "Path" = @path WHERE "Id" = @id""";
        var pathParameter = setPath.CreateParameter();
        pathParameter.ParameterName = "@path";
        var idParameter = setPath.CreateParameter();
        idParameter.ParameterName = "@id";
        setPath.Parameters.Add(pathParameter);
        setPath.Parameters.Add(idParameter);

        async Task<int> InsertAsync(string key, string slug, string name, TermType type, RegionKind? kind, Existing? parent, string? iso, string? numeric, string? iptc)
        {
            object Db(object? value) => value ?? DBNull.Value;
            parameters["key"].Value = key;
            parameters["slug"].Value = FreeSlug(slugs, type, slug);
            parameters["name"].Value = name.Length > 200 ? name[..200] : name;
            parameters["type"].Value = type.ToString();
            parameters["kind"].Value = Db(kind?.ToString());
            parameters["parent"].Value = Db(parent?.Id);
            parameters["path"].Value = Db(kind is null ? null : "/");
            parameters["iso"].Value = Db(iso);
            parameters["numeric"].Value = Db(numeric);
            parameters["iptc"].Value = Db(iptc);
            var id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (kind is not null)
            {
                var path = (parent?.Path ?? "/") + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
                pathParameter.Value = path;
                idParameter.Value = id;
                await setPath.ExecuteNonQueryAsync(cancellationToken);
                existing[key] = new Existing(id, type, path);
            }
            else
            {
                existing[key] = new Existing(id, type, null);
            }

            return id;
        }

        var added = 0;
        // Parents before children: the hierarchy is at most a few levels deep.
        foreach (var place in builtIn.Places.OrderBy(p => Depth(builtIn, p)))
        {
            if (!existing.ContainsKey(place.Key))
            {
                var parent = place.ParentKey is { } parentKey ? existing.GetValueOrDefault(parentKey) : null;
                await InsertAsync(place.Key, place.Slug, place.Name, TermType.Region, ToRegionKind(place.Kind), parent is { Type: TermType.Region } ? parent : null, place.IsoCode, place.NumericCode, null);
                added++;
            }
        }

        foreach (var topic in builtIn.Topics.Where(t => !existing.ContainsKey(t.Key)))
        {
            await InsertAsync(topic.Key, topic.Slug, topic.Name, TermType.Topic, null, null, null, null, topic.IptcCode);
        }

        await AddInvolvementsAsync(builtIn, existing, cancellationToken);
        await AddRedirectsAsync(builtIn, existing, slugs, cancellationToken);
        // Stories stored under an older taxonomy (or none) are re-tagged in the background by whichever instance runs
        // the re-tag worker; editor decisions survive it. Requested here so the CLI's sync counts too.
        if (await db.Articles.AnyAsync(cancellationToken) && !await db.RetagJobs.AnyAsync(j => j.State == RetagJobState.Queued || j.State == RetagJobState.Running, cancellationToken))
        {
            db.RetagJobs.Add(new RetagJob { State = RetagJobState.Queued, RequestedAt = time.GetUtcNow().UtcDateTime, RequestedBy = "taxonomy update" });
        }

        var state = await db.TaxonomyState.SingleAsync(s => s.Id == TaxonomyState.SingletonId, cancellationToken);
        state.BuiltInVersion = builtIn.Version;
        state.Stamp = Guid.NewGuid(); // the inserts above bypassed the change tracker and its stamp
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogSynced(added, builtIn.Version, milliseconds);
    }

    private async Task AddInvolvementsAsync(TaxonomySnapshot builtIn, Dictionary<string, Existing> terms, CancellationToken cancellationToken)
    {
        var present = (await db.RegionInvolvements.AsNoTracking().Select(i => new { i.RegionId, i.CountryId }).ToListAsync(cancellationToken))
            .Select(i => (i.RegionId, i.CountryId)).ToHashSet();
        foreach (var place in builtIn.Places.Where(p => p.InvolvedCountryKeys.Count > 0))
        {
            if (terms.GetValueOrDefault(place.Key) is not { Type: TermType.Region } region)
            {
                continue;
            }

            foreach (var countryKey in place.InvolvedCountryKeys)
            {
                if (terms.GetValueOrDefault(countryKey) is { Type: TermType.Region } country && present.Add((region.Id, country.Id)))
                {
                    db.RegionInvolvements.Add(new RegionInvolvement { RegionId = region.Id, CountryId = country.Id });
                }
            }
        }
    }

    private async Task AddRedirectsAsync(TaxonomySnapshot builtIn, Dictionary<string, Existing> terms, HashSet<(TermType, string)> slugs, CancellationToken cancellationToken)
    {
        var redirects = (await db.SlugRedirects.AsNoTracking().Where(r => r.Kind == SlugKind.Region).Select(r => r.FromSlug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        foreach (var place in builtIn.Places.Where(p => p.Kind is PlaceKind.Country or PlaceKind.Theatre or PlaceKind.DisputedTerritory))
        {
            if (terms.GetValueOrDefault(place.Key) is not { Type: TermType.Region } region)
            {
                continue;
            }

            foreach (var name in place.OtherNames.Where(IsLatin))
            {
                var from = Slugs.From(name, Articles.Article.MaxSlugLength);
                if (from.Length > 0 && !slugs.Contains((TermType.Region, from)) && redirects.Add(from))
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
