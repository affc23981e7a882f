using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Content;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Sources;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Users;

namespace NewsDesk.Core.Data;

/// <summary>
/// The store. After changing the model, add a migration (it is applied at start):
/// <c>dotnet ef migrations add Name --project src/NewsDesk.Core --output-dir Data/Migrations</c>, then regenerate the
/// compiled model: <c>tools/compiled-model.sh</c>.
/// Keep SQL in migrations and queries provider-neutral; anything provider-specific sits behind an interface.
/// </summary>
public sealed class NewsDeskDbContext(DbContextOptions<NewsDeskDbContext> options)
    : IdentityDbContext<NewsDeskUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<StoryCluster> StoryClusters => Set<StoryCluster>();

    public DbSet<StoryClusterMember> StoryClusterMembers => Set<StoryClusterMember>();

    public DbSet<ArticleSimilarityBand> ArticleSimilarityBands => Set<ArticleSimilarityBand>();

    public DbSet<ArticleTerm> ArticleTerms => Set<ArticleTerm>();

    public DbSet<Term> Terms => Set<Term>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<TermAlias> TermAliases => Set<TermAlias>();

    public DbSet<RegionInvolvement> RegionInvolvements => Set<RegionInvolvement>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<TaxonomyState> TaxonomyState => Set<TaxonomyState>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<FeedRun> FeedRuns => Set<FeedRun>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ContentStamp> ContentStamps => Set<ContentStamp>();
    public DbSet<FrontPagePick> FrontPagePicks => Set<FrontPagePick>();

    public DbSet<RetagJob> RetagJobs => Set<RetagJob>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The model compiled ahead of time for SQLite (<c>Data/CompiledModel</c>), which spares every start the ~0.5 s of
    /// building it from <see cref="OnModelCreating"/>. Regenerate it with <c>tools/compiled-model.sh</c> after changing the
    /// model (a test fails until then). Found by name rather than referenced so that the project still builds while it is
    /// being regenerated (null then); another provider builds its own.
    /// </summary>
    public static IModel? FindCompiledSqliteModel() =>
        typeof(NewsDeskDbContext).Assembly.GetType(CompiledModelType)?.GetProperty("Instance")?.GetValue(null) as IModel;

    internal const string CompiledModelType = "NewsDesk.Core.Data.CompiledModel.NewsDeskDbContextModel";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums as text: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
