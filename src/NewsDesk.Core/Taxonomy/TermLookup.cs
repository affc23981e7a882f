using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Taxonomy;

/// <summary>Finds current (not retired, not merged) terms by name, alias or slug, as an editor types them.</summary>
public static class TermLookup
{
    public sealed record Match(int Id, string Name, TermType Type);

    /// <summary>Resolves comma-separated names; each must match exactly one term (name, alias or slug, any case).</summary>
    public static async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Errors)> ResolveAsync(this NewsDeskDbContext db, string? names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new List<int>();
        var errors = new List<string>();
        foreach (var raw in (names ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = raw.Length > 200 ? raw[..200] : raw;
            var slug = name.ToLowerInvariant();
            // LIKE without wildcards: an equality that ignores case (SQLite folds ASCII; PostgreSQL will use ILIKE).
            var exact = LikePattern.Escape(name);
            var matches = await db.Terms.AsNoTracking()
                .Where(t => t.RetiredAt == null && t.MergedIntoId == null
                    && (EF.Functions.Like(t.Name, exact, LikePattern.EscapeCharacter) || t.Slug == slug
                        || t.Aliases.Any(a => EF.Functions.Like(a.Name, exact, LikePattern.EscapeCharacter))))
                .Select(t => new Match(t.Id, t.Name, t.Type)).Take(5).ToListAsync(cancellationToken);
            if (matches.Count == 1)
            {
                ids.Add(matches[0].Id);
            }
            else if (matches.Count == 0)
            {
                errors.Add($"No region, topic or tag is called '{name}'.");
            }
            else
            {
                errors.Add($"'{name}' is ambiguous: {string.Join(", ", matches.Select(m => $"{m.Name} ({m.Type.ToString().ToLowerInvariant()})"))}.");
            }
        }

        return (ids, errors);
    }

    /// <summary>Terms whose name or alias starts with (or contains) <paramref name="query"/>, for suggestions while typing.</summary>
    public static Task<List<Match>> SuggestAsync(this NewsDeskDbContext db, string query, int max = 12, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pattern = LikePattern.Contains(query);
        return db.Terms.AsNoTracking()
            .Where(t => t.RetiredAt == null && t.MergedIntoId == null
                && (EF.Functions.Like(t.Name, pattern, LikePattern.EscapeCharacter) || t.Aliases.Any(a => EF.Functions.Like(a.Name, pattern, LikePattern.EscapeCharacter))))
            .OrderBy(t => t.Name.Length).ThenBy(t => t.Name)
            .Select(t => new Match(t.Id, t.Name, t.Type)).Take(max).ToListAsync(cancellationToken);
    }
}
