using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest.Pipeline;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests;

/// <summary>
/// A real migrated SQLite store with the ingest services as the hosts register them, and a tagger that leaves a mark
/// (or, with <c>realTagger</c>, the hosts' own tagger).
/// </summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private IngestHarness(TestStore store) => Store = store;

    public TestStore Store { get; }

    public TempDirectory Files { get; } = new();

    public IngestService Service => Store.Services.GetRequiredService<IngestService>();

    public static async Task<IngestHarness> CreateAsync(IDictionary<string, string?>? settings = null, bool realTagger = false)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Ingest:Http:AllowPrivateAddresses"] = "true",
            ["Ingest:Http:RetryDelayMilliseconds"] = "50",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var store = await TestStore.CreateAsync(
            services =>
            {
                var configuration = services.BuildServiceProvider().GetRequiredService<IConfiguration>();
                services.AddNewsDeskIngest(configuration);
                if (!realTagger)
                {
                    services.Replace(ServiceDescriptor.Scoped<IArticleTagger, MarkingTagger>());
                }
            },
            all);
        await using (var scope = store.NewContext())
        {
            scope.Db.Tags.Add(new Tag(MarkingTagger.Slug, "Ingested", TagKind.Other));
            await scope.Db.SaveChangesAsync();
        }

        return new IngestHarness(store);
    }

    /// <summary>Another app instance on the same database file: its own services, pools and poller identity.</summary>
    public ServiceProvider SecondInstance()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Store.Configuration);
        Core.ServiceCollectionExtensions.AddNewsDeskCore(services, Store.Configuration, Store.DatabaseFile);
        services.AddNewsDeskIngest(Store.Configuration);
        return services.BuildServiceProvider();
    }

    public Task<IngestSummary> IngestAsync(params string[] inputs) => Service.IngestAsync(inputs, new IngestRequest(), TestContext.Current.CancellationToken);

    public Task<IngestSummary> IngestAsync(IngestRequest request, params string[] inputs) => Service.IngestAsync(inputs, request, TestContext.Current.CancellationToken);

    public async Task<List<Article>> ArticlesAsync()
    {
        await using var scope = Store.NewContext();
        return await scope.Db.Articles.AsNoTracking().Include(a => a.Revisions).Include(a => a.Terms).Include(a => a.Source).Include(a => a.ClusterMembership)
            .OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Files.Dispose();
    }

    /// <summary>Links every article to one tag, so a test can see each stored article went through tagging before its commit.</summary>
    internal sealed class MarkingTagger(Core.Data.NewsDeskDbContext db) : IArticleTagger
    {
        public const string Slug = "ingested";

        public async Task TagAsync(Article article, CancellationToken cancellationToken = default)
        {
            var tag = await db.Tags.SingleAsync(t => t.Slug == Slug, cancellationToken);
            if (!article.Terms.Any(t => t.TermId == tag.Id))
            {
                article.Terms.Add(new ArticleTerm { Article = article, Term = tag, Score = 1, Origin = LinkOrigin.Auto });
            }
        }
    }
}
