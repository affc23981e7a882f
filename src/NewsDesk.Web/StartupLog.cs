namespace NewsDesk.Web;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "NewsDesk cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);
}
