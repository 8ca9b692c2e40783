# The two commands a new user needs are `make demo` (run the pipeline on the bundled sample corpus) and `make test`.
.PHONY: build demo live test bench clean

build:
	dotnet build StreamRisk.sln -c Release -nologo

demo:
	rm -rf out/demo
	dotnet run -c Release --project src/StreamRisk.Cli -- run --input data/samples --out out/demo

test:
	bash infra/scripts/test.sh

bench:
	dotnet run -c Release --project bench/StreamRisk.Bench -- $(ARGS)

clean:
	rm -rf out TestResults .models
	dotnet clean StreamRisk.sln -nologo -v q

live:
	rm -rf out/live
	dotnet run -c Release --project src/StreamRisk.Cli -- live
