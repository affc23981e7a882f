using NewsDesk.Bench.Reading;

return args switch
{
    ["generate", var file, var count, ..] => await Generator.RunAsync(file, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 42),
    ["static", var folder, var url] => await StaticServer.RunAsync(folder, url),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate DBFILE COUNT [SEED] | static FOLDER URL");
    return 2;
}
