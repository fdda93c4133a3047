// The optional campaign cost table (costs.csv next to the leads and events), read by DuckDB; null without one.
import {campaignCosts} from "../../loaders/site/campaign-costs.js";

try {
  const costs = await campaignCosts();
  process.stderr.write(`costs.json: ${costs === null ? "no costs.csv" : `${costs.costs.length} campaigns, ${costs.problems.length} problems`}\n`);
  process.stdout.write(JSON.stringify(costs));
} catch (error) {
  process.stderr.write(`leadstage: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
