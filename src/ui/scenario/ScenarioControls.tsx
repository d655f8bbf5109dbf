// The scenario controls mounted in the top bar: menu, Share, and the deterministic step.
import ScenarioMenu from './ScenarioMenu';
import ShareDialog from './ShareDialog';
import StepButton from './StepButton';

export default function ScenarioControls() {
  return (
    <>
      <ScenarioMenu />
      <ShareDialog />
      <StepButton />
    </>
  );
}
