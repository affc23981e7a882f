using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsDesk.Core.Content;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;
using NewsDesk.Core.Taxonomy;

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

        var busyTimeout = configuration.GetSection(NewsDeskOptions.Section).GetValue(nameof(NewsDeskOptions.BusyTimeoutMilliseconds), 5000);
        var pragmas = new SqlitePragmaInterceptor(busyTimeout);
        var taxonomyChanges = new TaxonomyChangeInterceptor();
        services.AddDbContextPool<NewsDeskDbContext>((services, options) => options
            .UseSqlite(paths.ConnectionString)
            .AddInterceptors(pragmas, taxonomyChanges, services.GetRequiredService<ContentChangeInterceptor>()));
        return services;
    }
}
