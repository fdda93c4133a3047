// The ladders the simulator offers as starting points: the build's own, the default five levels, the examples.
import {ladderChoices} from "../../loaders/site/ladder-choices.js";

try {
  const ladders = ladderChoices();
  process.stderr.write(`ladders.json: ${ladders.map((d) => d.id).join(", ")}\n`);
  process.stdout.write(JSON.stringify(ladders));
} catch (error) {
  process.stderr.write(`leadstage: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
