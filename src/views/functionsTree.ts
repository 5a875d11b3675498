// The Functions view's data provider: hands out the nodes built by treeModel.ts, and finds them again for reveal().
import * as vscode from 'vscode';
import { buildTree, findFunctionNode, type FunctionNode, type TemplateEntry, type TreeNode } from './treeModel';
import { toTreeItem } from './treeItems';

export class FunctionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /**
   * @param ready resolves once the workspace's templates were first read: until then the view shows its
   *   progress bar rather than an empty tree.
   */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly ready: Promise<void>,
  ) {}

  /** Rebuilds the tree from the templates (and the saved events on disk). */
  update(entries: readonly TemplateEntry[]): void {
    this.roots = buildTree(entries);
    this.changed.fire();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children;
    await this.ready;
    return this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.extensionUri);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  findFunction(templateFile: string, logicalId: string): FunctionNode | undefined {
    return findFunctionNode(this.roots, templateFile, logicalId);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
