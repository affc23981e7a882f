using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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
/// <c>dotnet ef migrations add Name --project src/NewsDesk.Core --output-dir Data/Migrations</c>.
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
