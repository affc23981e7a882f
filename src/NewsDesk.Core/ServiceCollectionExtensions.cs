using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Content;
using NewsDesk.Core.Data;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Users;

namespace NewsDesk.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The store and the settings every host shares.</summary>
    /// <param name="databaseFileOverride">A SQLite file named on a command line (<c>--db</c>); wins over configuration.</param>
    public static IServiceCollection AddNewsDeskCore(this IServiceCollection services, IConfiguration configuration, string? databaseFileOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var paths = NewsDeskPaths.Resolve(configuration, databaseFileOverride);
        services.AddSingleton(paths);
        services.AddOptions<NewsDeskOptions>().Bind(configuration.GetSection(NewsDeskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:TimeZone is not a known IANA time zone.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiteClock>();
        services.TryAddSingleton<TaxonomyCache>();
        services.TryAddScoped<TaxonomySync>();
        services.TryAddScoped<IArticleTagger, StoreArticleTagger>();
        services.TryAddSingleton<ContentChangeNotifier>();
        services.TryAddSingleton<ContentChangeInterceptor>();
        services.TryAddScoped<IArticleSearch, SqliteArticleSearch>();
        services.TryAddSingleton<SqliteTermFrequencies>();
        services.TryAddSingleton(_ => SearchParallelism.ForThisMachine());
        services.TryAddScoped<ISearchIndexMaintenance, SqliteSearchIndexMaintenance>();
        services.AddScoped<StoryDesk>();
        services.AddScoped<TaxonomyCuration>();
        services.AddScoped<RetagJobs>();
        services.AddScoped<FrontPageCuration>();

        var taxonomyChanges = new TaxonomyChangeInterceptor();
        services.AddDbContextPool<NewsDeskDbContext>((services, options) =>
        {
            // The pool builds its options once: the validated settings, with their defaults in one place (NewsDeskOptions).
            var store = services.GetRequiredService<IOptions<NewsDeskOptions>>().Value;
            options.UseSqlite(paths.ConnectionString)
                .AddInterceptors(
                    new SqlitePragmaInterceptor(store.BusyTimeoutMilliseconds, store.PageCacheMiB),
                    taxonomyChanges,
                    services.GetRequiredService<ContentChangeInterceptor>())
                // Any the host adds (diagnostics; tests that hold a query to reproduce a race).
                .AddInterceptors(services.GetServices<IInterceptor>());
            if (NewsDeskDbContext.FindCompiledSqliteModel() is { } model)
            {
                options.UseModel(model);
            }
        });
        return services;
    }

    /// <summary>
    /// Desk accounts on the same store (Identity users and roles, with <see cref="IdentityPolicy"/>). The web host adds
    /// sign-in and cookies on top of the returned builder; the CLI uses it as it is.
    /// </summary>
    public static IdentityBuilder AddNewsDeskAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        return services.AddIdentityCore<NewsDeskUser>(IdentityPolicy.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDeskDbContext>();
    }
}
