using System.CommandLine;
using MIForge.Numerics.Runtime;

namespace MIForge.Host.Cli;

/// <summary>miforge onednn [--isa CAP]: with --isa, checks libtorch's oneDNN convolutions in this process capped at CAP
/// (exit 0 when they agree with float64); without, finds and records the fastest cap that passes on this machine.</summary>
internal static class OneDnnCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var isa = new Option<string?>("--isa") { Description = $"Check this cap only, in this process: {string.Join(", ", OneDnnIsa.Names)}." };
        var command = new Command("onednn", "Find the fastest instruction set at which libtorch's oneDNN convolutions agree with float64 on this machine, one process per candidate ("
            + string.Join(", ", OneDnnIsa.Candidates) + "), and record it; every later process caps oneDNN there and checks again.") { isa, CommandLine.VerboseOption };
        command.SetAction(p => CommandLine.Guard(p, error, _ =>
        {
            if (p.GetValue(isa) is { } only)
            {
                try
                {
                    OneDnnIsa.Normalize(only);
                }
                catch (ArgumentException e)
                {
                    error.WriteLine($"error: --isa: {e.Message.Split(" (Parameter")[0]}");
                    return ExitCodes.BadInput;
                }
                var reason = OneDnnKernels.Configure("auto", only);
                output.WriteLine($"oneDNN {reason}");
                return OneDnnKernels.Enabled ? ExitCodes.Success : ExitCodes.Failure;
            }
            var found = OneDnnProbe.Find(output);
            if (found is null)
            {
                error.WriteLine("error: no instruction set tried gave oneDNN convolutions that agree with float64; processes run without oneDNN");
                return ExitCodes.Failure;
            }
            output.WriteLine($"oneDNN: {found}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
