using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Text;

namespace NewsDesk.Core.Taxonomy;

/// <summary>An admin's change to the taxonomy, refused with a message fit to show.</summary>
public sealed record CurationResult(bool Succeeded, string? Error)
{
    public static CurationResult Ok { get; } = new(true, null);

    public static CurationResult Fail(string error) => new(false, error);
}

/// <summary>
/// Admins curate regions, topics and tags: rename (the old slug redirects), merge A into B (links move, A's names
/// become B's aliases, A's addresses redirect to B), aliases, a tag's kind, the region hierarchy and theatres,
/// retire. Every change is one transaction with its audit entry. After such changes a re-tag brings suggestions up
/// to date (<see cref="RetagJobs"/>).
/// </summary>
public sealed class TaxonomyCuration(NewsDeskDbContext db, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public async Task<CurationResult> RenameAsync(int termId, string name, string? slug, bool keepOldNameAsAlias, Actor actor, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return CurationResult.Fail("No such term.");
        }

        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return CurationResult.Fail($"A name is 1 to {MaxNameLength} characters.");
        }

        slug = string.IsNullOrWhiteSpace(slug) ? term.Slug : slug.Trim();
        if (slug.Length > 120 || Slugs.From(slug, 120) != slug)
        {
            return CurationResult.Fail("A slug is lower-case letters, digits and single hyphens.");
        }

        var kind = KindOf(term.Type);
        if (slug != term.Slug && await SlugTakenAsync(term.Type, slug, term.Id, cancellationToken))
        {
            return CurationResult.Fail($"The slug '{slug}' is already used by another {term.Type.ToString().ToLowerInvariant()}.");
        }

        var now = Now;
        var oldName = term.Name;
        var oldSlug = term.Slug;
        if (slug != term.Slug)
        {
            db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.Kind == kind && r.FromSlug == slug).ToListAsync(cancellationToken));
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, FromSlug = term.Slug, TargetId = term.Id, CreatedAt = now });
            term.Slug = slug;
        }

        if (name != oldName)
        {
            term.Name = name;
            if (keepOldNameAsAlias)
            {
                AddAliasTo(term, oldName);
            }

            term.Aliases.Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).ToList().ForEach(a => term.Aliases.Remove(a));
        }

        db.Record(actor, now, "term.rename", TypeName(term), term.Id, $"'{oldName}' ({oldSlug}) → '{name}' ({slug})");
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    /// <summary>Merges <paramref name="sourceId"/> into <paramref name="targetId"/>; the source stays as a retired tombstone so a
    /// taxonomy re-sync by <see cref="Term.Key"/> does not bring it back.</summary>
    public async Task<CurationResult> MergeAsync(int sourceId, int targetId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            return CurationResult.Fail("A term cannot be merged into itself.");
        }

        var source = await db.Terms.Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Id == sourceId, cancellationToken);
        var target = await db.Terms.Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (source is null || target is null)
        {
            return CurationResult.Fail("No such term.");
        }

        if (source.Type != target.Type)
        {
            return CurationResult.Fail($"A {TypeName(source)} can only be merged into another {TypeName(source)}.");
        }

        if (source.MergedIntoId is not null || target.MergedIntoId is not null)
        {
            return CurationResult.Fail("That term was already merged away; merge into the term it was merged into.");
        }

        if (source is Region sourceRegion && target is Region targetRegion && targetRegion.Path.Contains($"/{sourceRegion.Id}/", StringComparison.Ordinal))
        {
            return CurationResult.Fail($"'{target.Name}' lies inside '{source.Name}'; move it out first or merge the other way.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;
        var moved = await MoveLinksAsync(source.Id, target.Id, cancellationToken);

        AddAliasTo(target, source.Name);
        foreach (var alias in source.Aliases.ToList())
        {
            AddAliasTo(target, alias.Name);
            source.Aliases.Remove(alias);
        }

        var kind = KindOf(source.Type);
        await db.SlugRedirects.Where(r => r.Kind == kind && r.TargetId == source.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TargetId, target.Id), cancellationToken);
        db.SlugRedirects.Add(new SlugRedirect { Kind = kind, FromSlug = source.Slug, TargetId = target.Id, CreatedAt = now });

        if (source is Region from && target is Region into)
        {
            await MoveRegionPartsAsync(from, into, cancellationToken);
        }

        var oldSlug = source.Slug;
        source.MergedIntoId = target.Id;
        source.RetiredAt ??= now;
        // The tombstone gives up its slug, so the old address answers with the redirect.
        source.Slug = TombstoneSlug(source.Id, oldSlug);
        db.Record(actor, now, "term.merge", TypeName(source), source.Id, $"'{source.Name}' ({oldSlug}) merged into '{target.Name}' (#{target.Id}, {target.Slug}); {moved} links moved");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CurationResult.Ok;
    }

    public async Task<CurationResult> AddAliasAsync(int termId, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return CurationResult.Fail("No such term.");
        }

        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return CurationResult.Fail($"An alias is 1 to {MaxNameLength} characters.");
        }

        if (string.Equals(name, term.Name, StringComparison.OrdinalIgnoreCase) || term.Aliases.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return CurationResult.Fail($"'{name}' is already a name of '{term.Name}'.");
        }

        // A name that another current term already answers to would make the tagger file that term's mentions here
        // too, and editors could no longer add either by name (TermLookup: any case, as they type it).
        var exact = LikePattern.Escape(name);
        var slug = name.ToLowerInvariant();
        var other = await db.Terms.AsNoTracking()
            .Where(t => t.Id != term.Id && t.RetiredAt == null && t.MergedIntoId == null
                && (EF.Functions.Like(t.Name, exact, LikePattern.EscapeCharacter) || t.Slug == slug
                    || t.Aliases.Any(a => EF.Functions.Like(a.Name, exact, LikePattern.EscapeCharacter))))
            .Select(t => new { t.Name, t.Type })
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            return CurationResult.Fail($"'{name}' already names the {other.Type.ToString().ToLowerInvariant()} '{other.Name}'; an alias must name one term only.");
        }

        AddAliasTo(term, name);
        db.Record(actor, Now, "term.alias.add", TypeName(term), term.Id, $"'{name}' for '{term.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    public async Task<CurationResult> RemoveAliasAsync(int termId, int aliasId, Actor actor, CancellationToken cancellationToken = default)
    {
        var alias = await db.TermAliases.Include(a => a.Term).SingleOrDefaultAsync(a => a.Id == aliasId && a.TermId == termId, cancellationToken);
        if (alias is null)
        {
            return CurationResult.Fail("No such alias.");
        }

        db.TermAliases.Remove(alias);
        db.Record(actor, Now, "term.alias.remove", TypeName(alias.Term), termId, $"'{alias.Name}' from '{alias.Term.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    public async Task<CurationResult> SetDescriptionAsync(int termId, string? description, Actor actor, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return CurationResult.Fail("No such term.");
        }

        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description is { Length: > 2000 })
        {
            return CurationResult.Fail("A description is at most 2000 characters.");
        }

        term.Description = description;
        db.Record(actor, Now, "term.describe", TypeName(term), term.Id, term.Name);
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    public async Task<CurationResult> SetTagKindAsync(int termId, TagKind kind, Actor actor, CancellationToken cancellationToken = default)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (tag is null)
        {
            return CurationResult.Fail("No such tag.");
        }

        var old = tag.Kind;
        tag.Kind = kind;
        db.Record(actor, Now, "term.kind", "tag", tag.Id, $"'{tag.Name}': {old} → {kind}");
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    /// <summary>Places a region in the hierarchy, sets its kind and (for theatres and disputed territories) the countries involved.</summary>
    public async Task<CurationResult> SetRegionAsync(int regionId, int? parentId, RegionKind kind, IReadOnlyCollection<int> involvedCountryIds, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvedCountryIds);
        var region = await db.Regions.Include(r => r.Involvements).SingleOrDefaultAsync(r => r.Id == regionId, cancellationToken);
        if (region is null)
        {
            return CurationResult.Fail("No such region.");
        }

        Region? parent = null;
        if (parentId is { } pid)
        {
            parent = await db.Regions.SingleOrDefaultAsync(r => r.Id == pid, cancellationToken);
            if (parent is null)
            {
                return CurationResult.Fail("No such parent region.");
            }

            if (parent.Id == region.Id || parent.Path.Contains($"/{region.Id}/", StringComparison.Ordinal))
            {
                return CurationResult.Fail($"'{region.Name}' cannot be placed under itself or its own sub-region '{parent.Name}'.");
            }
        }

        var countries = await db.Regions.Where(r => involvedCountryIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (countries.Count != involvedCountryIds.Distinct().Count())
        {
            return CurationResult.Fail("An involved country does not exist.");
        }

        if (countries.Contains(region.Id))
        {
            return CurationResult.Fail("A region cannot involve itself.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var oldParent = region.ParentId;
        region.Kind = kind;
        if (parentId != region.ParentId)
        {
            await MoveRegionAsync(region, parent, cancellationToken);
        }

        region.Involvements.Where(i => !countries.Contains(i.CountryId)).ToList().ForEach(i => region.Involvements.Remove(i));
        foreach (var id in countries.Where(id => region.Involvements.All(i => i.CountryId != id)))
        {
            region.Involvements.Add(new RegionInvolvement { RegionId = region.Id, CountryId = id });
        }

        db.Record(actor, Now, "region.edit", "region", region.Id, $"'{region.Name}': {kind}, parent #{oldParent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} → #{parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {countries.Count} involved countries");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CurationResult.Ok;
    }

    public async Task<CurationResult> SetRetiredAsync(int termId, bool retired, Actor actor, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return CurationResult.Fail("No such term.");
        }

        if (!retired && term.MergedIntoId is not null)
        {
            return CurationResult.Fail("A merged term cannot be restored; its links now belong to the term it was merged into.");
        }

        term.RetiredAt = retired ? term.RetiredAt ?? Now : null;
        db.Record(actor, Now, retired ? "term.retire" : "term.restore", TypeName(term), term.Id, term.Name);
        await db.SaveChangesAsync(cancellationToken);
        return CurationResult.Ok;
    }

    /// <summary>Creates a tag, topic or region an admin names (not part of the built-in taxonomy).</summary>
    public async Task<(CurationResult Result, Term? Term)> CreateAsync(TermType type, string name, Actor actor, TagKind tagKind = TagKind.Other, RegionKind regionKind = RegionKind.Theatre, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return (CurationResult.Fail($"A name is 1 to {MaxNameLength} characters."), null);
        }

        var baseSlug = Slugs.From(name, 110);
        if (baseSlug.Length == 0)
        {
            return (CurationResult.Fail("The name needs at least one letter or digit."), null);
        }

        var slug = baseSlug;
        for (var n = 2; await SlugTakenAsync(type, slug, null, cancellationToken); n++)
        {
            slug = Slugs.WithSuffix(baseSlug, n, 120);
        }

        Term term = type switch
        {
            TermType.Tag => new Tag(slug, name, tagKind),
            TermType.Topic => new Topic(slug, name),
            _ => new Region(slug, name, regionKind),
        };
        db.Terms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
        if (term is Region region)
        {
            region.RefreshPath();
        }

        db.Record(actor, Now, "term.create", TypeName(term), term.Id, name);
        await db.SaveChangesAsync(cancellationToken);
        return (CurationResult.Ok, term);
    }

    public static SlugKind KindOf(TermType type) => type switch
    {
        TermType.Region => SlugKind.Region,
        TermType.Topic => SlugKind.Topic,
        _ => SlugKind.Tag,
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string TypeName(Term term) => term.Type.ToString().ToLowerInvariant();

    private static string TombstoneSlug(int id, string slug)
    {
        var prefix = $"merged-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-";
        return prefix + slug[..Math.Min(slug.Length, 120 - prefix.Length)];
    }

    private static void AddAliasTo(Term term, string name)
    {
        if (!string.Equals(term.Name, name, StringComparison.OrdinalIgnoreCase) && !term.Aliases.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            term.Aliases.Add(new TermAlias { Name = name });
        }
    }

    private async Task<bool> SlugTakenAsync(TermType type, string slug, int? termId, CancellationToken cancellationToken)
    {
        var kind = KindOf(type);
        return await db.Terms.AnyAsync(t => t.Type == type && t.Slug == slug && t.Id != termId, cancellationToken)
            || await db.SlugRedirects.AnyAsync(r => r.Kind == kind && r.FromSlug == slug && r.TargetId != termId, cancellationToken);
    }

    /// <summary>Moves every article link from one term to another; where the article already has both, the links are combined
    /// and an editor's decision wins (accepted over rejected over none).</summary>
    private async Task<int> MoveLinksAsync(int sourceId, int targetId, CancellationToken cancellationToken)
    {
        var links = await db.ArticleTerms.Where(l => l.TermId == sourceId).ToListAsync(cancellationToken);
        var articleIds = links.Select(l => l.ArticleId).ToList();
        var existing = await db.ArticleTerms.Where(l => l.TermId == targetId && articleIds.Contains(l.ArticleId)).ToDictionaryAsync(l => l.ArticleId, cancellationToken);
        var now = Now;
        foreach (var link in links)
        {
            db.ArticleTerms.Remove(link);
            if (existing.TryGetValue(link.ArticleId, out var other))
            {
                other.Score = Math.Max(other.Score, link.Score);
                other.Decision = Rank(link.Decision) > Rank(other.Decision) ? link.Decision : other.Decision;
                other.Origin = link.Origin == LinkOrigin.Editor ? LinkOrigin.Editor : other.Origin;
                other.Evidence ??= link.Evidence;
            }
            else
            {
                db.ArticleTerms.Add(new ArticleTerm { ArticleId = link.ArticleId, TermId = targetId, Score = link.Score, Origin = link.Origin, Decision = link.Decision, Evidence = link.Evidence });
            }
        }

        // Readers' caches key on the article's modification time.
        await db.Articles.Where(a => articleIds.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModifiedAt, now), cancellationToken);
        return links.Count;

        static int Rank(LinkDecision decision) => decision switch
        {
            LinkDecision.Accepted => 2,
            LinkDecision.Rejected => 1,
            _ => 0,
        };
    }

    private async Task MoveRegionPartsAsync(Region from, Region into, CancellationToken cancellationToken)
    {
        var children = await db.Regions.Where(r => r.ParentId == from.Id).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            await MoveRegionAsync(child, into, cancellationToken);
        }

        var involvements = await db.RegionInvolvements.Where(i => i.RegionId == from.Id || i.CountryId == from.Id).ToListAsync(cancellationToken);
        var kept = await db.RegionInvolvements.Where(i => i.RegionId == into.Id || i.CountryId == into.Id).Select(i => new { i.RegionId, i.CountryId }).ToListAsync(cancellationToken);
        foreach (var involvement in involvements)
        {
            db.RegionInvolvements.Remove(involvement);
            var regionId = involvement.RegionId == from.Id ? into.Id : involvement.RegionId;
            var countryId = involvement.CountryId == from.Id ? into.Id : involvement.CountryId;
            if (regionId != countryId && !kept.Any(k => k.RegionId == regionId && k.CountryId == countryId))
            {
                db.RegionInvolvements.Add(new RegionInvolvement { RegionId = regionId, CountryId = countryId });
                kept.Add(new { RegionId = regionId, CountryId = countryId });
            }
        }

        await db.FrontPagePicks.Where(p => p.RegionId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.RegionId, into.Id), cancellationToken);
    }

    /// <summary>Re-parents a region and rewrites the materialised paths of its whole subtree.</summary>
    private async Task MoveRegionAsync(Region region, Region? parent, CancellationToken cancellationToken)
    {
        var oldPath = region.Path;
        var subtree = await db.Regions.Where(r => r.Path.StartsWith(oldPath) && r.Id != region.Id).ToListAsync(cancellationToken);
        region.MoveUnder(parent);
        region.RefreshPath();
        // Tracked together, each descendant's Parent is fixed up; refreshing shallow before deep rewrites every path.
        foreach (var descendant in subtree.OrderBy(r => r.Path.Length))
        {
            descendant.RefreshPath();
        }
    }
}
